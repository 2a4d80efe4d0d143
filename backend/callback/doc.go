// Package callback is the receiver of WeCom's callbacks (回调) at the copy
// panel's URLs: /callback/contact/<corp key> (contact changes) and
// /callback/app/<corp key>/<agentid> (an app's messages and events).
//
// WeCom's signature is the only auth. A GET is the URL check: the decrypted
// echostr is answered as plain text. A POST is verified, decrypted,
// persisted in callback_events (deduplicated by MsgId, else by the event's
// identifying fields) and answered at once; a worker processes the log
// asynchronously: contact changes go to the Contact processor, app events to
// the App handler, both given at wiring time (Config). A refused request
// (bad signature, wrong corp ID, undecryptable, over 1 MiB, unknown URL) is
// answered 4xx, logged with its reason, counted per day and never processed.
// See docs/callbacks.md.
package callback
