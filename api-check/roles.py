"""Who the API check signs in as for each operation, and the demo's records each run points the
operations at that the document cannot supply (ids of things that must already exist).

    python3 api-check/roles.py runs                  # one line per run: ROLE EMAIL
    python3 api-check/roles.py operations ROLE       # that run's operation ids, one per line
    python3 api-check/roles.py ids ROLE BASE TOKEN   # that run's records, as JSON, for hooks.py

Every operation of the document is run by exactly one role allowed to call it (the graduate's
run takes whatever no other run names), so none is exercised only at the door."""

import datetime
import json
import subprocess
import sys
import urllib.request

DOMAIN = "demo.onward.example"

# (role, who signs in): the graduate and the partner as themselves; Priya coaches most of the
# demo; Tom holds the mock interview whose rubric waits; the admin runs the bootcamp.
RUNS = [
    ("graduate", f"amara.okafor@{DOMAIN}"),
    ("coach", f"coach.priya@{DOMAIN}"),
    ("rubric", f"coach.tom@{DOMAIN}"),
    ("admin", f"admin@{DOMAIN}"),
    ("partner", f"partner@{DOMAIN}"),
]

OPERATIONS = {
    "coach": ["listReviewQueue", "reviewSubmission", "listPlans", "startPlan", "recordMeeting", "finishPlan",
              "commentOnRetrospective", "getDashboard", "createEvent",
              "openMockSlot", "listUnmatchedPairingRequests", "matchPairingRequest", "writeTechnicalRecommendation"],
    "rubric": ["scoreMockBooking"],
    "admin": ["createCohort", "listInvitations", "createInvitation", "createCoachAssignment", "deleteCoachAssignment",
              "pauseProgramme", "resumeProgramme", "listProgrammes", "giveDefaultProgramme", "addActivity", "removeActivity",
              "cancelEvent", "getSlack", "setSlackWebhook", "removeSlackWebhook", "listAccountDeletions", "deleteAccountOnRequest",
              "listOutcomeReports", "getCohortOutcomes"],
    "partner": ["listCoachAssignments", "listCandidates", "getCandidate", "listShortlists", "createShortlist", "getShortlist", "deleteShortlist",
                "addToShortlist", "removeFromShortlist"],
}
# Revoking the token a run signs in with, or deleting its account, would end the run.
EXCLUDED = ["deleteToken", "deleteMyAccount"]


def all_operations():
    with open("Sources/OnwardApp/openapi.json") as f:
        document = json.load(f)
    return [op["operationId"] for methods in document["paths"].values() for op in methods.values() if isinstance(op, dict) and "operationId" in op]


def operations(role):
    if role != "graduate":
        return OPERATIONS[role]
    named = {op for ops in OPERATIONS.values() for op in ops} | set(EXCLUDED)
    return [op for op in all_operations() if op not in named]


class API:
    def __init__(self, base, token):
        self.base, self.token = base, token

    def get(self, path):
        request = urllib.request.Request(self.base + "/api/v1" + path, headers={"Authorization": f"Bearer {self.token}"})
        try:
            with urllib.request.urlopen(request) as response:
                return json.load(response)
        except urllib.error.HTTPError:
            return None

    def post(self, path, body):
        request = urllib.request.Request(self.base + "/api/v1" + path, data=json.dumps(body).encode(), method="POST",
                                         headers={"Authorization": f"Bearer {self.token}", "Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request) as response:
                return json.load(response)
        except urllib.error.HTTPError:
            return None


def first(items, test=lambda item: True):
    return next((item for item in items or [] if test(item)), None)


def ids(role, base, token):
    """Path parameters by operation id, and body fields by operation id, for hooks.py."""
    api = API(base, token)
    paths, bodies = {}, {}

    def path(operation, **values):
        if all(v is not None for v in values.values()):
            paths[operation] = values

    me = api.get("/me") or {}
    if role == "graduate":
        application = first(api.get("/applications?limit=5") and api.get("/applications?limit=5")["applications"])
        for op in ("getApplication", "updateApplication", "deleteApplication", "moveApplication", "createInterview"):
            path(op, id=application and application["id"])
        # Interviews and contacts: the first two applications that have them, one to change and
        # one to delete, so that a delete does not take away what the changes are sent to.
        listed = (api.get("/applications?limit=50") or {}).get("applications") or []
        details = [d for d in (api.get(f"/applications/{a['id']}") for a in listed) if d and d.get("interviews") and d.get("contacts")][:2]
        if details:
            changed, deleted = details[0], details[-1]
            path("updateInterview", id=changed["interviews"][0]["id"])
            path("deleteInterview", id=deleted["interviews"][-1]["id"])
            path("createContact", id=changed["application"]["id"])
            path("updateContact", id=changed["contacts"][0]["id"])
            path("deleteContact", id=deleted["contacts"][-1]["id"])
        path("getPerson", id=me.get("id"))
        path("getStandupBoard", id=me.get("cohort_id"))
        path("reassessGoal", id=(first(api.get("/goals")) or {}).get("id"))
        submission = first(api.get("/submissions"))
        path("getSubmission", id=submission and submission["id"])
        path("resubmitSubmission", id=submission and submission["id"])
        support = first(api.get("/support-requests"))
        for op in ("getSupportRequest", "replyToSupportRequest", "solveSupportRequest"):
            path(op, id=support and support["id"])
        plan = api.get("/plan") or {}
        path("getPlan", id=plan.get("id"))
        path("updateRecommendation", id=(first(plan.get("recommendations")) or {}).get("id"))
        goal = first(api.get("/learning-goals"), lambda g: g.get("milestones"))
        path("updateMilestone", id=goal and goal["milestones"][0]["id"])
        event = first(api.get("/events"))
        path("getEvent", id=event and event["id"])
        path("answerEvent", id=event and event["id"])
        slot = first(api.get("/mock-slots"), lambda s: not s.get("booked"))
        path("bookMockSlot", id=slot and slot["id"])
        booking = first(api.get("/mock-bookings"))
        path("getMockBooking", id=booking and booking["id"])
        path("cancelMockBooking", id=booking and booking["id"])
        sessions = api.get("/peer-sessions")
        session = first(sessions)
        for op in ("getPeerSession", "joinPeerSession", "notePeerSession"):
            path(op, id=session and session["id"])
        # A place the graduate holds in another's session, and a session of their own.
        joined = first(sessions, lambda s: s.get("joined") and s.get("host_id") != me.get("id"))
        path("leavePeerSession", id=joined and joined["id"])
        hosted = first(sessions, lambda s: s.get("host_id") == me.get("id"))
        path("cancelPeerSession", id=hosted and hosted["id"])
        request = first(api.get("/pairing-requests"), lambda r: r.get("status") == "open")
        path("withdrawPairingRequest", id=request and request["id"])
        # A daily task of the graduate's programme to mark: one not required, as the API asks.
        programme = api.get("/programme") or {}
        task = first(programme.get("today_items"), lambda item: not item.get("required"))
        bodies["markTask"] = {"activity": task["activity"] if task else "apply"}
        # The demo gives Amara a side project and her final project: one to change, one to delete.
        projects = api.get("/projects") or []
        path("updateProject", id=projects[0]["id"] if projects else None)
        path("deleteProject", id=projects[-1]["id"] if len(projects) > 1 else None)
        # A piece of feedback given two days ago or more (an action's day may be yesterday), and
        # something Amara recorded about one.
        two_days_ago = (datetime.date.today() - datetime.timedelta(days=2)).isoformat()
        feedback = api.get("/feedback") or []
        given = first(feedback, lambda f: f.get("given_on", "9999") <= two_days_ago)
        if given:
            bodies["recordFeedbackAction"] = {"feedback_key": given["key"]}
        acted = first([a for f in feedback for a in f.get("actions") or []])
        path("deleteFeedbackAction", id=acted and acted["id"])
        pairing = first(api.get("/pairings"))
        for op in ("getPairing", "answerPairing", "setPairingLink", "notePairing"):
            path(op, id=pairing and pairing["id"])
    elif role == "coach":
        review = first(api.get("/reviews"))
        path("reviewSubmission", id=review and review["submission"]["id"])
        plans = api.get("/plans") or []
        active = first(plans, lambda p: p.get("state") == "active")
        path("recordMeeting", id=active and active["id"])
        # Finished, the active plan would take no meeting: the plan asked for is finished instead.
        asked = first(plans, lambda p: p.get("state") == "requested") or active
        path("finishPlan", id=asked and asked["id"])
        planned = {p["graduate_id"] for p in plans}
        graduate = first(api.get("/people"), lambda p: p.get("role") == "graduate" and p["id"] not in planned)
        if graduate:
            bodies["startPlan"] = {"graduate_id": graduate["id"]}
        retrospective = None
        for person in api.get("/people") or []:
            if person.get("role") == "graduate":
                retrospective = first(api.get(f"/retrospectives?graduate_id={person['id']}"))
                if retrospective:
                    break
        path("commentOnRetrospective", id=retrospective and retrospective["id"])
        # A graduate Priya coaches, whose technical recommendation she writes.
        coached = first(api.get("/people"), lambda p: p.get("role") == "graduate")
        path("writeTechnicalRecommendation", id=coached and coached["id"])
        unmatched = api.get("/unmatched-pairing-requests") or []
        if unmatched:
            path("matchPairingRequest", id=unmatched[0]["id"])
            # The demo's volunteer, whom a coach pairs a request with by hand.
            volunteer_token = subprocess.run([sys.executable, "api-check/make_token.py", base, f"jonas.weber@{DOMAIN}", "onward-demo-2026"],
                                             capture_output=True, text=True, check=True).stdout.strip()
            volunteer = API(base, volunteer_token).get("/me") or {}
            if volunteer.get("id"):
                bodies["matchPairingRequest"] = {"partner_kind": "volunteer", "partner_id": volunteer["id"]}
    elif role == "partner":
        # The shared candidates as they stand after the graduate's run; the demo's shortlist, and
        # one made here to delete, so that a delete does not take away what the others read.
        candidate = first(api.get("/candidates"))
        path("getCandidate", id=candidate and candidate["graduate_id"])
        shortlist = first(api.get("/shortlists"))
        path("getShortlist", id=shortlist and shortlist["id"])
        path("addToShortlist", id=shortlist and shortlist["id"])
        if candidate:
            bodies["addToShortlist"] = {"graduate_id": candidate["graduate_id"]}
        on = first(((shortlist and api.get(f"/shortlists/{shortlist['id']}")) or {}).get("candidates"))
        path("removeFromShortlist", id=shortlist and shortlist["id"], graduate_id=on and on["graduate_id"])
        spare = api.post("/shortlists", {"name": "To delete", "hiring_partner": "API check"})
        path("deleteShortlist", id=spare and spare["id"])
    elif role == "rubric":
        # The coach's latest interview that has begun: the demo's, held this morning, waits for its rubric.
        now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        held = [slot for slot in api.get("/mock-slots") or [] if slot.get("booking_id") and slot["starts_at"] <= now]
        path("scoreMockBooking", id=held[-1]["booking_id"] if held else None)
    elif role == "admin":
        assignment = first(api.get("/coach-assignments"))
        path("deleteCoachAssignment", id=assignment and assignment["id"])
        people = api.get("/people") or []
        coach = first(people, lambda p: p.get("role") == "coach")
        graduate = first(people, lambda p: p.get("role") == "graduate")
        if coach and graduate:
            bodies["createCoachAssignment"] = {"coach_id": coach["id"], "graduate_id": graduate["id"]}
        path("pauseProgramme", id=graduate and graduate["id"])
        path("resumeProgramme", id=graduate and graduate["id"])
        cohort = first(api.get("/cohorts"))
        path("giveDefaultProgramme", id=cohort and cohort["id"])
        path("setSlackWebhook", id=cohort and cohort["id"])
        path("removeSlackWebhook", id=cohort and cohort["id"])
        # The demo's cohort that graduated over 180 days ago, whose report has every kind of figure.
        spring = first(api.get("/cohorts"), lambda c: c.get("name") == "Spring 2026") or cohort
        path("getCohortOutcomes", id=spring and spring["id"])
        if cohort:
            bodies["createInvitation"] = {"cohort_id": cohort["id"]}
        programme = first(api.get("/programmes"))
        path("addActivity", id=programme and programme["id"])
        activity = first(programme and programme.get("activities"))
        path("removeActivity", id=activity and activity["id"])
        event = first(api.get("/events"))
        path("cancelEvent", id=event and event["id"])
        # Deleting an account on request: the last graduate by name, whom no other step needs.
        leaving = [p for p in people if p.get("role") == "graduate"][-1:]
        if leaving:
            bodies["deleteAccountOnRequest"] = {"email": leaving[0]["email"]}
    return {"paths": paths, "bodies": bodies}


if __name__ == "__main__":
    command = sys.argv[1]
    if command == "runs":
        for role, email in RUNS:
            print(role, email)
    elif command == "operations":
        print("\n".join(operations(sys.argv[2])))
    elif command == "ids":
        print(json.dumps(ids(sys.argv[2], sys.argv[3], sys.argv[4])))
