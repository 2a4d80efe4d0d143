// Package contactsync turns WeCom's contact-change callbacks into an up to
// date mirror and an incremental sync (O2OA's pattern: the callback is a
// trigger, the diff is the truth). For each change_contact event it reads the
// member or department (user/get, department/get, with an app that may),
// updates the mirror at once, moves a renamed userid's binding with it and
// rematches; then, after a quiet period per corp (default 30 s), it asks
// for a sync plan that follows the corp's schedule settings. It is the
// callback receiver's Contact processor.
package contactsync
