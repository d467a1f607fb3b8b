"""Rules of the API that depend on the clock, which a JSON Schema cannot state and the document
states in words: a day sent as `on` (a new application, a move) may not be after today in the
graduate's time zone. Generated requests are brought within it, so that every other refusal of
a schema-valid request is a failure of the check."""

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
    return body
