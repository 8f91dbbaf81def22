# vendorgate's Rego library: the semantics of YAML rules, shared by every compiled rule module,
# by rules written in Rego, and by the decision.
#
# It reproduces vendorgate's native engine exactly (src/vendorgate/engine.py and decide.py):
# three-valued conditions (pass / fail / undetermined), applicability, the evidence policy,
# waivers and the per-vendor decision. Only standard built-ins that OPA 0.61 already has are
# used, and every set is sorted before it is turned into text, so OPA and rego-cpp agree.
#
# The input document and data.vendorgate are described in docs/opa.md.
#
# Written for rego-cpp (regopy) as much as for OPA. rego-cpp 1.5 mis-binds a function's
# arguments inside comprehensions when they appear in the comprehension's head or as a key
# (`[f(arg, x) | ...]`, `[item[arg] | ...]`), and sprintf's %s quotes computed strings. So
# comprehensions here bind their result to a local (`[y | ...; y := ...]`), keys go through
# object.get, and text is built with concat.
package vendorgate.lib

import rego.v1

org := data.vendorgate.org

vendor := input.vendor

has_key(obj, key) if {
	_ = obj[key]
}

# ---------------------------------------------------------------- what is evaluated

# The plan: the input's, else the organisation's usage override, else the profile's usage.
plan := input.plan if has_key(input, "plan")
else := org.usage[vendor.id].plan if org.usage[vendor.id].plan != null
else := vendor.usage.plan if vendor.usage.plan != null
else := null

# Data classes sent to the vendor; null when nobody says (rules then apply, to be safe).
data_classes := input.data_classes if input.data_classes != null
else := org.usage[vendor.id].data_classes if org.usage[vendor.id].data_classes != null
else := object.get(vendor.usage, "data_classes", []) if is_object(vendor.usage)
else := null

# The evaluation date (YYYY-MM-DD): the input's, else today in UTC.
today := input.today if is_string(input.today)
else := civil_date(floor(time.now_ns() / 86400000000000))

# The minimum severity that blocks: the input's `fail_on`, else the organisation's threshold.
threshold := input.fail_on if is_string(input.fail_on)
else := org.blocking.severity

# How undetermined findings count (block | review | ignore): the input's, else the organisation's.
undetermined_mode := input.undetermined if is_string(input.undetermined)
else := org.blocking.undetermined

vendor_facts := object.get(vendor, "facts", {})

plan_facts := p.facts if {
	plan != null
	some p in object.get(vendor, "plans", [])
	p.id == plan
} else := {}

# Vendor facts with the plan's overrides applied.
facts[name] := fact if some name, fact in plan_facts

facts[name] := fact if {
	some name, fact in vendor_facts
	not plan_facts[name]
}

# The status of a fact's evidence, computed by vendorgate outside Rego (quotes are checked
# against document snapshots) and given as the fact's `evidence_status`; a fact without one
# counts as unverified.
status(name) := object.get(facts, [name, "evidence_status"], "unverified")

# The value a leaf test reads: `subprocessors.<field>` maps over the sub-processor list.
value(name, field) := project(object.get(facts, [name, "value"], null), field)

# Computed once per decision and looked up by the compiled rules (function calls are costly in
# rego-cpp; rules are evaluated once): each fact's value and evidence status, the projections of
# the sub-processor list, and the evidence policy.
fact_values[name] := fact.value if some name, fact in facts

fact_status[name] := object.get(fact, "evidence_status", "unverified") if some name, fact in facts

subprocessor_fields[field] := project(object.get(fact_values, "subprocessors", null), field) if {
	some field in {"name", "region", "category", "purpose"}
}

require_verified if org.evidence.require == "verified"

require_verified if org.evidence.require == "binding"

# `binding` also needs a binding passage (not only a summary, FAQ or announcement).
require_binding if org.evidence.require == "binding"

fact_binding[name] := object.get(fact, "evidence_binding", false) if some name, fact in facts

evidence_failure_fails if org.evidence.on_failure == "fail"

# The waiver state of each rule some waiver names for this vendor.
waiver_states[rule_id] := waiver(rule_id) if {
	some w in org.waivers
	rule_id := w.rule
	waiver_vendor_matches(w)
	waiver_plan_matches(w)
}

project(v, "") := v

# A sub-processor whose field is not stated makes the whole projection unknown.
project(v, field) := "undisclosed" if {
	field != ""
	is_array(v)
	some item in v
	not stated_field(item, field)
}
else := [y | some item in v; y := object.get(item, field, "")] if {
	field != ""
	is_array(v)
}

stated_field(item, field) if {
	is_string(item[field])
	item[field] != ""
}

project(v, field) := v if {
	field != ""
	not is_array(v)
}

# ---------------------------------------------------------------- leaf tests

# A value is known unless it is missing or `undisclosed`.
known(v) if {
	v != null
	v != "undisclosed"
}

# ---------------------------------------------------------------- three-valued logic

all_of(xs) := "fail" if "fail" in xs
else := "undetermined" if "undetermined" in xs
else := "pass"

any_of(xs) := "pass" if "pass" in xs
else := "undetermined" if "undetermined" in xs
else := "fail"

negate("pass") := "fail"

negate("fail") := "pass"

negate("undetermined") := "undetermined"

# ---------------------------------------------------------------- applicability

# Each compiled module tests its own rule's scope (see compile.py); these are the texts its
# "not applicable" messages share.
or_else("", alternative) := alternative

or_else(text, _) := text if text != ""

jurisdictions_text := or_else(concat(", ", org.jurisdictions), "no listed jurisdiction")

data_classes_text := or_else(concat(", ", data_classes), "no listed data classes")

data_classes_note := "the profile does not say which data classes the organisation sends; the rule is applied to be safe"

# ---------------------------------------------------------------- dates and waivers

idiv(a, b) := (a - (a % b)) / b

# Days since 1970-01-01 of an ISO date (years 1 to 9999), by integer arithmetic alone.
days(iso) := n if {
	m := digits(iso, 5, 2)
	d := digits(iso, 8, 2)
	y := digits(iso, 0, 4) - early(m)
	era := idiv(y, 400)
	yoe := y - era * 400
	doy := idiv(153 * ((m + 9) % 12) + 2, 5) + d - 1
	doe := ((yoe * 365 + idiv(yoe, 4)) - idiv(yoe, 100)) + doy
	n := (era * 146097 + doe) - 719468
}

# The number written by `width` decimal digits from `offset`, digit by digit: rego-cpp keeps
# to_number("06") spelled "06", which then compares wrongly.
digits(text, offset, width) := sum([y |
	some i in numbers.range(0, width - 1)
	y := to_number(substring(text, offset + i, 1)) * power((width - 1) - i)
])

power(0) := 1

power(1) := 10

power(2) := 100

power(3) := 1000

early(m) := 1 if m <= 2
else := 0

# The ISO date of a day number (the inverse of `days`).
civil_date(n) := concat("-", [pad(y, 4), pad(m, 2), pad(d, 2)]) if {
	z := n + 719468
	era := idiv(z, 146097)
	doe := z - era * 146097
	yoe := idiv(((doe - idiv(doe, 1460)) + idiv(doe, 36524)) - idiv(doe, 146096), 365)
	doy := doe - ((365 * yoe + idiv(yoe, 4)) - idiv(yoe, 100))
	mp := idiv(5 * doy + 2, 153)
	d := (doy - idiv(153 * mp + 2, 5)) + 1
	m := ((mp + 2) % 12) + 1
	y := (yoe + era * 400) + early(m)
}

pad(n, width) := concat("", [substring("0000", 0, width - count(format_int(n, 10))), format_int(n, 10)])

waiver_plan_matches(w) if w.plan == null

waiver_plan_matches(w) if w.plan == plan

# A waiver names the vendor by id only: a lineage is a claim any profile can make.
waiver_vendor_matches(w) if w.vendor == vendor.id

# Indexes into org.waivers of the waivers naming this rule and vendor (and plan).
matching_waivers(rule_id) := [i |
	some i
	w := org.waivers[i]
	w.rule == rule_id
	waiver_vendor_matches(w)
	waiver_plan_matches(w)
]

# The first waiver of those given with the latest expiry.
latest(indexes) := found[0] if {
	top := max([org.waivers[j].expires | some j in indexes])
	found := [i | some i in indexes; org.waivers[i].expires == top]
}

# A waiver is active from the day it was granted (when known) to its expiry, inclusive.
active(w) if {
	today <= w.expires
	not granted_later(w)
}

granted_later(w) if {
	is_string(w.granted)
	w.granted > today
}

active_waivers(rule_id) := [i | some i in matching_waivers(rule_id); active(org.waivers[i])]

# {"index": i or null, "reason": "" or why the waiver deserves attention}.
waiver(rule_id) := {"index": i, "reason": reason} if {
	count(active_waivers(rule_id)) > 0
	i := latest(active_waivers(rule_id))
	w := org.waivers[i]
	reason := expiry_note(w)
}
else := {"index": null, "reason": inactive_note(w)} if {
	count(matching_waivers(rule_id)) > 0
	w := org.waivers[latest(matching_waivers(rule_id))]
}
else := {"index": null, "reason": ""}

# Why the latest matching waiver does not waive: granted after the evaluation date (only in a
# replay of an earlier date), or expired.
inactive_note(w) := concat("", [
	"the waiver (", w.ticket, ") was granted on ", w.granted, ", after ", today,
	", so it does not waive this finding then",
]) if {
	w.expires >= today
	is_string(w.granted)
}
else := concat("", ["the waiver (", w.ticket, ") expired on ", w.expires, " and no longer waives this finding"])

expiry_note(w) := concat("", ["the waiver (", w.ticket, ") expires on ", w.expires, ", within 30 days"]) if {
	days(w.expires) - days(today) <= 30
}
else := ""

# ---------------------------------------------------------------- messages

describe(v) := "not stated" if v == null
else := concat("", ["[", concat(", ", [y | some x in v; y := shown(x)]), "]"]) if is_array(v)
else := v if is_string(v)
else := format_int(v, 10) if is_int(v)
else := sprintf("%v", [v])

is_int(v) if {
	is_number(v)
	floor(v) == v
}

shown(x) := x.name if is_object(x)
else := x if is_string(x)
else := sprintf("%v", [x])

who := concat("", [vendor.name, " (", plan, " plan)"]) if {
	is_string(plan)
	plan != ""
}
else := vendor.name

# What a leaf found, for the message: its fact, the value read and, unless it could not tell,
# what the rule expects.
part(spec, outcome, value) := concat("", ["`", spec.fact, "` is ", describe(value)]) if {
	outcome == "undetermined"
}
else := concat("", ["`", spec.fact, "` is ", describe(value), " (the rule expects it ", spec.expects, ")"])

sentence("fail", title, detail) := concat("", [who, " fails \u201c", title, "\u201d: ", detail, "."])

sentence("undetermined", title, detail) := concat("", [who, ": cannot tell whether \u201c", title, "\u201d holds: ", detail, "."])

sentence("pass", title, detail) := concat("", [who, " meets \u201c", title, "\u201d: ", detail, "."])

waived_note(null) := ""

waived_note(i) := concat("", [" Waived by ", w.approver, " until ", w.expires, " (", w.ticket, ")."]) if {
	is_number(i)
	w := org.waivers[i]
}

# ---------------------------------------------------------------- findings

severity_rank := {"info": 0, "low": 1, "medium": 2, "high": 3, "critical": 4}

blocks(verdict, _) if verdict == "error"

blocks("fail", severity) if severity_rank[severity] >= severity_rank[threshold]

blocks("undetermined", severity) if {
	severity_rank[severity] >= severity_rank[threshold]
	undetermined_mode == "block"
}

is_blocking(verdict, severity) := true if blocks(verdict, severity)
else := false

evidence_reason(base) := concat("", [
	"`", base, "` rests only on a summary, FAQ or announcement, and the organisation ",
	"requires binding evidence",
]) if {
	require_binding
	status(base) == "verified"
} else := concat("", [
	"`", base, "` rests on ", status(base),
	" evidence, and the organisation requires verified evidence",
])

# The parts every applicable finding shares: waiver, message, reasons, blocking.
concluded(meta, outcome, detail, focus, reads, evidence_reasons, notes) := result if {
	state := waiver_state(meta.id, outcome)
	verdict := final_verdict(outcome, state.index)
	message := concat("", [sentence(outcome, meta.title, detail), waived_note(state.index)])
	reasons := array.concat(
		array.concat(evidence_reasons, notes),
		[r | r := state.reason; r != ""],
	)
	result := {
		"rule": meta.id,
		"title": meta.title,
		"pack": meta.pack,
		"severity": meta.severity,
		"verdict": verdict,
		"blocking": is_blocking(verdict, meta.severity),
		"message": message,
		"reasons": reasons,
		"focus": focus,
		"facts": reads,
		"waiver": state.index,
		"leaves": [],
		"citations": meta.citations,
		"remediation": meta.remediation,
	}
}

waiver_state(rule_id, outcome) := waiver(rule_id) if outcome in {"fail", "undetermined"}
else := {"index": null, "reason": ""}

final_verdict(outcome, null) := outcome

final_verdict(_, i) := "waived" if is_number(i)

not_applicable_finding(meta, reason) := {
	"rule": meta.id,
	"title": meta.title,
	"pack": meta.pack,
	"severity": meta.severity,
	"verdict": "not_applicable",
	"blocking": false,
	"message": concat("", ["Not applicable: ", reason, "."]),
	"reasons": [],
	"focus": null,
	"facts": [],
	"waiver": null,
	"leaves": [],
	"citations": meta.citations,
	"remediation": meta.remediation,
}

# ---------------------------------------------------------------- evidence age

# vendorgate.evidence-age: a profile last reviewed longer ago than the organisation's
# `evidence.max_age_days` fails; one with no `reviewed` date is undetermined.
# The absent `reviewed` goes through object.get: in OPA, `not is_string(x)` with `x` undefined
# is itself undefined (rego-cpp says true), which left the whole decision undefined.
evidence_age_findings := [] if not is_number(object.get(org.evidence, "max_age_days", null))
else := [age_finding("undetermined", concat("", [who, ": the profile has no `reviewed` date, and ", age_policy, "."]), "vendor")] if {
	not is_string(object.get(vendor, "reviewed", null))
}
else := [] if {
	days(today) - days(vendor.reviewed) <= org.evidence.max_age_days
}
else := [age_finding(
	"fail",
	concat("", [
		who, ": last reviewed on ", vendor.reviewed, ", ",
		format_int(days(today) - days(vendor.reviewed), 10), " days before ", today, "; ",
		age_policy, ".",
	]),
	"reviewed",
)]

age_policy := concat("", ["the organisation requires a review within ", format_int(org.evidence.max_age_days, 10), " days"])

age_finding(verdict, message, located_at) := {
	"rule": "vendorgate.evidence-age",
	"title": "Vendor profile reviewed within the organisation's maximum evidence age",
	"pack": "vendorgate",
	"severity": "medium",
	"verdict": verdict,
	"blocking": is_blocking(verdict, "medium"),
	"message": message,
	"reasons": ["evidence.max_age_days in the organisation profile"],
	"focus": null,
	"located_at": located_at,
	"facts": [],
	"waiver": null,
	"leaves": [],
	"citations": [],
	"remediation": concat("", [
		"Review the vendor's current documents (`vendorgate watch`, `vendorgate evidence verify`), ",
		"update the facts and their quotes, and set `reviewed:` to the date of the review.",
	]),
}

# ---------------------------------------------------------------- expired waivers

# One warning per expired waiver covering this vendor and plan (vendorgate.waiver-expired):
# never blocking, it keeps the lapse visible and the vendor from a plain `approved`.
expired_waiver_findings := [y | some key in expired_waiver_keys; y := expired_finding(key[1])]

# [rule, index] of each expired waiver covering this vendor and plan, in rule order.
expired_waiver_keys := sort([y |
	some i
	w := org.waivers[i]
	w.expires < today
	waiver_vendor_matches(w)
	waiver_plan_matches(w)
	y := [w.rule, i]
])

plan_scope := concat("", [" (", plan, " plan)"]) if {
	is_string(plan)
	plan != ""
}
else := ""

expired_finding(i) := {
	"rule": "vendorgate.waiver-expired",
	"title": "A waiver has expired",
	"pack": "vendorgate",
	"severity": "low",
	"verdict": "fail",
	"blocking": false,
	"message": concat("", [
		"The waiver of `", w.rule, "` for ", vendor.name, plan_scope, " (", w.ticket,
		", approved by ", w.approver, ") expired on ", w.expires, " and no longer waives anything.",
	]),
	"reasons": [concat("", ["waived rule: ", w.rule, "; justification was: ", w.justification])],
	"focus": null,
	"located_at": "waiver",
	"facts": [],
	"waiver": i,
	"leaves": [],
	"citations": [],
	"remediation": concat("", [
		"Renew waiver ", w.ticket, " with a new approval and expiry date, or remove it from ",
		"the organisation profile and resolve the finding it covered.",
	]),
} if {
	w := org.waivers[i]
}

# ---------------------------------------------------------------- rules written in Rego

# A `deny` or `warn` result is a message, or an object {"msg": ..., "fact": ..., "outcome": ...}:
# `fact` names the fact that locates the finding, and `outcome: undetermined` says the rule
# cannot tell (a fact it needs is undisclosed) rather than that the vendor fails.
message_text(m) := m if is_string(m)
else := m.msg if is_string(m.msg)
else := sprintf("%v", [m])

message_fact(m) := m.fact if is_string(m.fact)

message_outcome(m) := "undetermined" if m.outcome == "undetermined"
else := "fail"

# The finding of a rule written in Rego, from the set of messages its `deny`/`warn` rule
# produced: any failing message fails it; else any undetermined one leaves it undetermined;
# no message passes it.
rego_finding(meta, messages, na_reason, notes) := not_applicable_finding(meta, na_reason) if {
	na_reason != ""
}
else := rego_conclusion(meta, messages, "fail", notes) if {
	some m in messages
	message_outcome(m) == "fail"
}
else := rego_conclusion(meta, messages, "undetermined", notes) if {
	count(messages) > 0
}
else := concluded(meta, "pass", "the policy reports nothing", null, [], [], notes)

rego_conclusion(meta, messages, outcome, notes) := concluded(meta, outcome, concat("; ", texts), focus, reads, [], notes) if {
	texts := sort({y | some m in messages; message_outcome(m) == outcome; y := message_text(m)})
	located := sort({y |
		some m in messages
		message_outcome(m) == outcome
		y := [message_text(m), message_fact(m)]
	})
	reads := sort({y | some m in messages; y := message_fact(m)})
	focus := array.concat([y | some pair in located; y := pair[1]], [null])[0]
}

# ---------------------------------------------------------------- decision

labelled(label, fs) := [y |
	some f in fs
	y := concat("", [label, ": ", f.rule, " (", f.verdict, ", ", f.severity, ")"])
]

is_condition(f) if f.verdict in {"fail", "waived"}

# every undetermined finding is a condition: `ignore` no longer drops them (see decide.py)
is_condition(f) if f.verdict == "undetermined"

# approved | approved_with_conditions | needs_review | rejected; an error or a blocking
# undetermined finding never yields approved.
decide(findings) := {"kind": "rejected", "reasons": labelled("blocking failure", failed)} if {
	failed := [f | some f in findings; f.blocking; f.verdict == "fail"]
	count(failed) > 0
}
else := {"kind": "needs_review", "reasons": labelled("evaluation error", errors)} if {
	errors := [f | some f in findings; f.verdict == "error"]
	count(errors) > 0
}
else := {"kind": "needs_review", "reasons": labelled("blocking undetermined", unknown)} if {
	unknown := [f | some f in findings; f.blocking; f.verdict == "undetermined"]
	count(unknown) > 0
}
else := {"kind": "approved_with_conditions", "reasons": labelled("condition", conditions)} if {
	conditions := [f | some f in findings; is_condition(f)]
	count(conditions) > 0
}
else := {"kind": "approved", "reasons": []}
