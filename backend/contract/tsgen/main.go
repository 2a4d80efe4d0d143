// Command tsgen writes the TypeScript side of the contract that the Wails
// bindings do not cover: the enums and event names the UI shares with Go.
// Each value is declared once, in Go; the UI imports the generated file
// (frontend/src/api/generated/contract.ts) and never copies a value by hand.
// Run `go generate ./backend/contract/...` (make generate) after changing one;
// CI fails when the committed file differs.
package main

//go:generate go run .

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"wecom-bridge/backend/binding"
	"wecom-bridge/backend/corp"
	"wecom-bridge/backend/directory"
	"wecom-bridge/backend/events"
	"wecom-bridge/backend/jobs"
	"wecom-bridge/backend/mirror"
	"wecom-bridge/backend/push"
	"wecom-bridge/backend/review"
	"wecom-bridge/backend/syncer"
)

// Output is where the file goes, relative to this package.
const Output = "../../../frontend/src/api/generated/contract.ts"

// enum is a set of string values: TS gets `export const <List>` (readonly,
// in this order), `export type <Type>` (their union) and `is<Type>`, a type
// guard for a string from elsewhere (a route, a row).
type enum struct {
	Type, List, Doc string
	Values          []string
}

// event is an event name the backend emits.
type event struct{ Const, Name, Doc string }

func strs[T ~string](vs ...T) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = string(v)
	}
	return out
}

func enums() []enum {
	runStatuses := []string{syncer.RunRunning, syncer.RunDone, syncer.RunFailed, syncer.RunCancelled, syncer.RunInterrupted}
	var resumable []string
	for _, s := range runStatuses {
		if (&syncer.Run{Status: s}).Resumable() {
			resumable = append(resumable, s)
		}
	}
	return []enum{
		{"SyncDirection", "syncDirections", "Which side is the truth (backend/syncer Direction).",
			strs(syncer.ToWeCom, syncer.FromWeCom)},
		{"OpType", "allOpTypes", "Operation types in the order summaries show them (backend/syncer AllOpTypes).",
			strs(syncer.AllOpTypes...)},
		{"NodeState", "nodeStates", "States of a node in the plan's tree diff (backend/syncer).",
			[]string{syncer.NodeMatched, syncer.NodeNew, syncer.NodeRemoved, syncer.NodeMoved, syncer.NodeRenamed, syncer.NodeUnchanged}},
		{"RunStatus", "runStatuses", "Statuses of an apply run (backend/syncer).", runStatuses},
		{"ResumableRunStatus", "resumableRunStatuses", "Run statuses Resume continues (backend/syncer Run.Resumable).", resumable},
		{"OpState", "opStates", "Journal states of an operation (backend/syncer).",
			[]string{syncer.StatePending, syncer.StateRunning, syncer.StateDone, syncer.StateFailed}},
		{"BindingState", "bindingStates", "Review row states (backend/review).",
			[]string{review.StateProposed, review.StateConfirmed, review.StateRejected, review.StateAmbiguous, review.StateUnboundLocal, review.StateUnboundWeCom}},
		{"BindingFilter", "bindingFilterValues", "Review list filters (backend/review); all shows every row.",
			[]string{review.FilterAll, review.FilterReview, review.FilterAmbiguous, review.FilterConfirmed, review.FilterRejected, review.FilterUnboundLocal, review.FilterUnboundWeCom, review.FilterConflicts}},
		{"BindingMethod", "bindingMethodValues", "How a binding was found, strongest first (backend/binding Method).",
			strs(binding.MethodExisting, binding.MethodUserID, binding.MethodEmployeeNo, binding.MethodMobileLookup, binding.MethodEmailLookup, binding.MethodMobile, binding.MethodEmail,
				binding.MethodName, binding.MethodNameDept, binding.MethodManual, binding.MethodImport)},
		{"DirectoryStatus", "directoryStatuses", "Local account statuses (backend/directory Status).",
			strs(directory.StatusActive, directory.StatusResigned)},
		{"PushLogStatus", "pushLogStatuses", "Delivery statuses of the push log (backend/push).",
			[]string{push.StatusSent, push.StatusPartial, push.StatusFailed, push.StatusRecalled, push.StatusNoRule, push.StatusQueued}},
		{"PushWebhookState", "pushWebhookStates", "Webhook states of a push-log row's card clicks (backend/push WebhookSummary).",
			[]string{push.WebhookDelivered, push.WebhookPending, push.WebhookFailed}},
		{"JobKind", "jobKinds", "What a long job does (backend/jobs Kind).",
			strs(jobs.KindPlan, jobs.KindApply, jobs.KindScheduledSync, jobs.KindResume, jobs.KindPull, jobs.KindRematch, jobs.KindDirectoryImport, jobs.KindBindingImport, jobs.KindExport, jobs.KindBackup)},
		{"JobState", "jobStates", "Where a job stands (backend/jobs State).",
			strs(jobs.Running, jobs.Done, jobs.Failed, jobs.Cancelled)},
		{"PushMsgType", "pushMsgTypeValues", "Message types a push can be sent as (backend/push).",
			[]string{push.TypeTextCard, push.TypeText, push.TypeMarkdown, push.TypeNews, push.TypeTemplateCard}},
	}
}

func eventNames() []event {
	return []event{
		{"checkProgressEvent", corp.CheckEvent, "Connectivity check steps (backend/corp CheckProgress)."},
		{"pullProgressEvent", mirror.ProgressEvent, "Pull progress (backend/events Progress)."},
		{"syncProgressEvent", syncer.ProgressEvent, "Apply progress (backend/events Progress)."},
		{"syncOpEvent", syncer.OpRowsEvent, "Finished operations of an apply, batched (backend/syncer OpEvent[])."},
		{"syncPendingEvent", syncer.PendingEvent, "A corp's pending sync previews changed ({corpId})."},
		{"pushChangedEvent", push.EventChanged, "The push log changed."},
		{"jobUpdateEvent", events.JobUpdate, "A job's state, progress or end (backend/jobs Job)."},
	}
}

// Render returns the generated file.
func Render() []byte {
	var b bytes.Buffer
	b.WriteString("// Code generated by go generate ./backend/contract/tsgen; DO NOT EDIT.\n")
	b.WriteString("// The values are declared once, in Go (backend/contract/tsgen/main.go lists where).\n\n")
	for _, e := range enums() {
		q := make([]string, len(e.Values))
		for i, v := range e.Values {
			q[i] = quote(v)
		}
		fmt.Fprintf(&b, "/** %s */\nexport const %s = [%s] as const\nexport type %s = (typeof %s)[number]\n",
			e.Doc, e.List, strings.Join(q, ", "), e.Type, e.List)
		fmt.Fprintf(&b, "export function is%s(value: string): value is %s {\n  return (%s as readonly string[]).includes(value)\n}\n\n",
			e.Type, e.Type, e.List)
	}
	writeConfidences(&b)
	for _, ev := range eventNames() {
		fmt.Fprintf(&b, "/** %s */\nexport const %s = %s\n", ev.Doc, ev.Const, quote(ev.Name))
	}
	return b.Bytes()
}

func quote(s string) string {
	q := strconv.Quote(s) // "…" with Go escapes; the values are plain ASCII
	return "'" + strings.ReplaceAll(q[1:len(q)-1], "'", `\'`) + "'"
}

func main() {
	if err := os.MkdirAll(filepath.Dir(Output), 0o755); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if err := os.WriteFile(Output, Render(), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	cat, err := RenderCatalogue()
	if err == nil {
		err = os.WriteFile(CatalogueOutput, cat, 0o644)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
