"""Rules of the API that depend on the clock, which a JSON Schema cannot state and the document
states in words: a day sent as `on` (a new application, a move) or as a blog post's `published`
may not be after today in the graduate's time zone; a goal's `time_bound` must be after it; an
informational interview's `day` lies within a year before and 180 days after it. Generated
requests are brought within them, so that every other refusal of a schema-valid request is a
failure of the check."""

import datetime
import re

import schemathesis

DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@schemathesis.hook
def map_body(context, body):
    if not isinstance(body, dict) or context.operation is None:
        return body
    operation = f"{context.operation.method.upper()} {context.operation.path}"
    if operation in ("POST /applications", "POST /applications/{id}/moves"):
        # Yesterday in UTC is on or before today in every time zone.
        yesterday = (datetime.datetime.now(datetime.timezone.utc).date() - datetime.timedelta(days=1)).isoformat()
        on = body.get("on")
        if isinstance(on, str) and DAY.match(on) and on > yesterday:
            body["on"] = yesterday
    # Days around today in UTC, a safe margin from today in every time zone (UTC-12 to UTC+14).
    today = datetime.datetime.now(datetime.timezone.utc).date()
    def around(days):
        return (today + datetime.timedelta(days=days)).isoformat()
    def within(field, first, last):
        value = body.get(field)
        if isinstance(value, str) and DAY.match(value) and not (first <= value <= last):
            body[field] = last if value > last else first
    if operation in ("POST /goals", "POST /goals/{id}/versions"):
        within("time_bound", around(2), "2100-12-31")
    elif operation == "POST /informational-interviews":
        within("day", around(-363), around(178))
    elif operation == "POST /blog-posts":
        within("published", around(-363), around(-1))
    return body
