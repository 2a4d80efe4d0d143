// Package autoreply holds the auto-reply rules for messages members send to
// an app (issue 14 item 3, 云桥 9.3): per app, a rule answers a text (by
// contains, prefix, suffix, exact or hosted match on a keyword) or an image
// with a text reply. The smallest priority wins, then the oldest rule. The
// answer goes back as WeCom's encrypted passive reply (reply.go), so it
// arrives in the member's chat without a message/send call. Each app has its
// own switch (是否开启应用回调): off, messages are logged and never answered.
package autoreply
