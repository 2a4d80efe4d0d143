// Package wecomsim is a WeCom (企业微信) server simulator: a real HTTP server with
// the same /cgi-bin paths, query parameters, JSON shapes, errcodes and errmsg
// style as qyapi.weixin.qq.com, backed by an in-memory, indexed organisation.
//
// It models the permission split between the 通讯录同步 secret and app secrets,
// app visibility scopes, the 2022 privacy and trusted-IP rules, per-API
// per-minute limits, message delivery with duplicate checks and per-member
// limits, recall within 24 hours, and fault injection. Time is a simulator
// clock that tests can move. A small admin API under /sim/ exposes counters,
// the message log, faults and the clock.
//
// The package deliberately does not import backend/wecom (the client), so the
// client's integration tests can import it.
package wecomsim
