"""Rules of the API that depend on the clock, which a JSON Schema cannot state and the document
states in words: a day sent as `on` (a new application, a move) or as a blog post's `published`
may not be after today in the graduate's time zone, nor a blog post more than a year old; a goal's
`time_bound` must be after today; an informational interview's `day` lies from a year before today
to 180 days after it; a milestone is due from today to two years ahead; a 1:1 meeting of a learning plan is recorded once
held, and what it recommends is due within a year of it (a rule between two fields); a retrospective is written
for a week that has begun; a 1:1's time is after now and at most 90 days ahead; an event starts
after now and within a year, and ends after it starts and within 12 hours; a peer session starts
after now and within 30 days; a mock interview slot starts after now and within 90 days; a
graduate's invitation names a cohort (a rule between two fields). Every request is
brought within them just before it is sent, in every phase (generated, boundary and stateful
requests alike), so that every other refusal of a schema-valid request is a failure of the check."""

import datetime
import json
import os
import re

import schemathesis

DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
# The demo's records this run's operations act on (api-check/roles.py): an id the document cannot
# supply takes the place of a generated one, so the operation is exercised past "not found". Only
# a well-formed id is replaced: a request meant to be refused keeps what makes it so.
RECORDS = json.loads(os.environ.get("ONWARD_IDS") or '{"paths": {}, "bodies": {}}')


def with_records(operation_id, case):
    meta = case.meta
    # A stateful step acts on the records the steps before it made, named in its path.
    if meta is None or meta.phase.name != "stateful":
        for name, value in RECORDS["paths"].get(operation_id, {}).items():
            current = (case.path_parameters or {}).get(name)
            if isinstance(current, str) and UUID.match(current):
                case.path_parameters[name] = value
    if isinstance(case.body, dict):
        for name, value in RECORDS["bodies"].get(operation_id, {}).items():
            current = case.body.get(name)
            if isinstance(current, str) and (UUID.match(current) or not UUID.match(value)):
                case.body[name] = value


def moment(body, field):
    """The moment `field` holds, if it is one with a time zone."""
    try:
        at = datetime.datetime.fromisoformat(str(body.get(field)).replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        return None
    return at if at.tzinfo is not None else None


def day_of(value):
    """The day `value` names, if it is a real one in the years the document allows."""
    if not (isinstance(value, str) and DAY.match(value)):
        return None
    try:
        day = datetime.date.fromisoformat(value)
    except ValueError:
        return None
    return day if 1970 <= day.year <= 2100 else None


def within_the_clock(operation, body):
    if not isinstance(body, dict):
        return body
    # Days around today in UTC, a safe margin from today in every time zone (UTC-12 to UTC+14).
    today = datetime.datetime.now(datetime.timezone.utc).date()

    def around(days):
        return (today + datetime.timedelta(days=days)).isoformat()

    def within(field, first, last):
        value = body.get(field)
        if isinstance(value, str) and DAY.match(value) and not (first <= value <= last):
            body[field] = last if value > last else first

    if operation in ("POST /applications", "POST /applications/{id}/moves"):
        within("on", "1970-01-01", around(-1))
    elif operation in ("POST /goals", "POST /goals/{id}/versions"):
        within("time_bound", around(2), "2100-12-31")
    elif operation == "POST /informational-interviews":
        within("day", around(-363), around(178))
    elif operation == "POST /blog-posts":
        within("published", around(-363), around(-1))
    elif operation == "POST /feedback/actions":
        # After the feedback roles.py chose (given two days ago or more), and not ahead.
        within("day", around(-1), around(-1))
    elif operation in ("POST /projects", "PATCH /projects/{id}"):
        # Started well before any day it was last worked on, both within ten years: a day the
        # graduate gives is after the start of the demo's projects (150 days back at the most).
        within("started_on", around(-3600), around(-400))
        within("last_worked_on", around(-1), around(-1))
    elif operation == "PUT /candidate-profile":
        # A start within a year of today, either way, in every time zone.
        within("available_from", around(-363), around(363))
    elif operation == "POST /learning-goals":
        milestones = body.get("milestones")
        # Requests meant to be refused carry any type here: only a list of objects is adjusted.
        for milestone in milestones if isinstance(milestones, list) else []:
            if isinstance(milestone, dict):
                due = milestone.get("due")
                if isinstance(due, str) and DAY.match(due) and not (around(1) <= due <= around(728)):
                    milestone["due"] = around(728) if due > around(728) else around(1)
    elif operation == "POST /plans/{id}/meetings":
        # Held within the last fortnight: after the demo's plan started (15 days ago), so the
        # meeting is recorded; on a plan a stateful step started today it is a conflict (409).
        # Only a real day is moved: a request meant to be refused keeps what makes it so.
        held = day_of(body.get("held_on"))
        if held is not None:
            held = min(max(held, today - datetime.timedelta(days=13)), today - datetime.timedelta(days=1))
            body["held_on"] = held.isoformat()
        recommendations = body.get("recommendations")
        for recommendation in recommendations if isinstance(recommendations, list) and held is not None else []:
            due = day_of(recommendation.get("due")) if isinstance(recommendation, dict) else None
            if due is not None:
                recommendation["due"] = min(max(due, held), held + datetime.timedelta(days=365)).isoformat()
    elif operation == "POST /support-requests/{id}/replies":
        meeting = body.get("meeting_at")
        if isinstance(meeting, str):
            now = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
            try:
                at = datetime.datetime.fromisoformat(meeting.replace("Z", "+00:00").replace("z", "+00:00"))
            except ValueError:
                return body
            if at.tzinfo is not None and not (now + datetime.timedelta(days=1) <= at <= now + datetime.timedelta(days=89)):
                body["meeting_at"] = (now + datetime.timedelta(days=7)).strftime("%Y-%m-%dT%H:%M:%SZ")
    elif operation == "POST /events":
        now = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
        start, end = moment(body, "starts_at"), moment(body, "ends_at")
        if start is not None and end is not None:
            if not (now + datetime.timedelta(days=1) <= start <= now + datetime.timedelta(days=360)):
                start = now + datetime.timedelta(days=7)
                body["starts_at"] = start.strftime("%Y-%m-%dT%H:%M:%SZ")
            if not (start < end <= start + datetime.timedelta(hours=12)):
                body["ends_at"] = (start + datetime.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
    elif operation == "POST /peer-sessions":
        now = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
        at = moment(body, "starts_at")
        if at is not None and not (now + datetime.timedelta(hours=1) <= at <= now + datetime.timedelta(days=29)):
            body["starts_at"] = (now + datetime.timedelta(days=3)).strftime("%Y-%m-%dT%H:%M:%SZ")
    elif operation in ("POST /pairing-requests", "PUT /volunteering"):
        # A stack both wanted and avoided is refused, a rule between two lists no schema states.
        # Requests meant to be refused carry any type here: only a list is read.
        stacks = body.get("stacks")
        wanted = {s.strip().lower() for s in (stacks if isinstance(stacks, list) else []) if isinstance(s, str)}
        if isinstance(body.get("avoid_stacks"), list):
            body["avoid_stacks"] = [s for s in body["avoid_stacks"] if not isinstance(s, str) or s.strip().lower() not in wanted]
        windows = body.get("windows")
        now = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
        for n, window in enumerate(windows if isinstance(windows, list) else []):
            if not isinstance(window, dict):
                continue
            start, end = moment(window, "start"), moment(window, "end")
            if start is None or end is None:
                continue
            if not (now + datetime.timedelta(hours=1) <= start <= now + datetime.timedelta(days=13)
                    and start + datetime.timedelta(hours=1) <= end <= start + datetime.timedelta(hours=12)):
                start = now + datetime.timedelta(days=1 + n)
                window["start"] = start.strftime("%Y-%m-%dT%H:%M:%SZ")
                window["end"] = (start + datetime.timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M:%SZ")
    elif operation == "POST /mock-slots":
        now = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
        at = moment(body, "starts_at")
        if at is not None and not (now + datetime.timedelta(hours=1) <= at <= now + datetime.timedelta(days=89)):
            body["starts_at"] = (now + datetime.timedelta(days=3)).strftime("%Y-%m-%dT%H:%M:%SZ")
    elif operation == "POST /invitations":
        # A graduate's invitation names their cohort, which the schema cannot make conditional.
        cohort = RECORDS["bodies"].get("createInvitation", {}).get("cohort_id")
        if body.get("role") == "graduate" and "cohort_id" not in body and cohort:
            body["cohort_id"] = cohort
    elif operation == "POST /pairing-requests/{id}/match":
        now = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
        at = moment(body, "starts_at")
        if at is not None and not (now + datetime.timedelta(hours=1) <= at <= now + datetime.timedelta(days=13)):
            body["starts_at"] = (now + datetime.timedelta(days=3)).strftime("%Y-%m-%dT%H:%M:%SZ")
    return body


@schemathesis.hook
def before_call(context, case, kwargs):
    operation = f"{case.operation.method.upper()} {case.operation.path}"
    case.body = within_the_clock(operation, case.body)
    with_records(case.operation.definition.raw.get("operationId"), case)
    # A retrospective is written for a week that has begun: the demo's first week has.
    if operation == "PUT /weeks/{week}/retrospective" and case.path_parameters:
        case.path_parameters["week"] = 1
