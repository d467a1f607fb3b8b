import datetime

import requests
from icalendar import Calendar
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions

from helpers import check_accessibility, sign_in, sign_out, wait


def feed_events(body):
    calendar = Calendar.from_ical(body)
    return calendar, [c for c in calendar.walk("VEVENT")]


def test_a_graduate_subscribes_to_their_week_and_a_calendar_reads_it(server, browser):
    # Amara opens her account menu, finds the calendar feed and makes its address.
    sign_in(browser, server, "amara.okafor@demo.onward.example")
    browser.find_element(By.CSS_SELECTOR, ".account-menu summary").click()
    browser.find_element(By.LINK_TEXT, "Calendar feed").click()
    wait(browser).until(lambda d: d.current_url.endswith("/account/calendar"))
    assert "Your cohort's standup" in browser.page_source
    browser.find_element(By.XPATH, "//button[normalize-space()=\"Make my feed's address\"]").click()
    address = wait(browser).until(lambda d: d.find_element(By.ID, "feed-address")).get_attribute("value")
    assert "/calendar/" in address and address.endswith(".ics")
    check_accessibility(browser, "integrations-calendar-feed-made")

    # A calendar reads it: Python's icalendar parses every event, the standup repeats on
    # weekdays in the cohort's zone (its VTIMEZONE with it), and each UID is there once.
    first = requests.get(address, timeout=10)
    assert first.status_code == 200 and first.headers["Content-Type"].startswith("text/calendar")
    calendar, events = feed_events(first.content)
    assert [c.get("TZID") for c in calendar.walk("VTIMEZONE")], "the cohort's zone is described"
    uids = [str(e.get("UID")) for e in events]
    assert len(uids) == len(set(uids))
    standup = next(e for e in events if str(e.get("UID")).startswith("standup-"))
    assert standup.get("RRULE")["BYDAY"] == ["MO", "TU", "WE", "TH", "FR"]
    start = standup.decoded("DTSTART")
    assert start.tzinfo is not None and (start.hour, start.minute) == (10, 0)
    assert any(str(e.get("SUMMARY")).startswith("Due: ") and isinstance(e.decoded("DTSTART"), datetime.date) for e in events)
    assert all(str(e.get("STATUS")) in ("CONFIRMED", "CANCELLED") and e.get("SEQUENCE") is not None for e in events)

    # Read again with its entity tag: nothing changed, so 304 and no body.
    again = requests.get(address, headers={"If-None-Match": first.headers["ETag"]}, timeout=10)
    assert again.status_code == 304 and not again.content

    # The page never shows the address again; a new one ends the old.
    browser.get(server + "/account/calendar")
    assert address not in browser.page_source and "A calendar last read it" in browser.page_source
    check_accessibility(browser, "integrations-calendar-feed")
    browser.find_element(By.XPATH, "//button[normalize-space()='Make a new address']").click()
    wait(browser).until(expected_conditions.alert_is_present()).accept()
    renewed = wait(browser).until(lambda d: d.find_element(By.ID, "feed-address")).get_attribute("value")
    assert renewed != address
    assert requests.get(address, timeout=10).status_code == 404
    assert requests.get(renewed, timeout=10).status_code == 200
    sign_out(browser)


def test_no_secret_reaches_the_log_even_at_its_most_talkative():
    # A server of its own, logging everything (each SQL statement with its values): the feed's
    # address is made, read, made anew and turned off through the API, and its secret is
    # nowhere in the log. Nor is the API token that did it, nor the mail server's password
    # Onward is given (at start-up, or by the outbox's sender, which runs with nothing to send).
    from conftest import free_port, start_server, stop_server
    import re

    smtp_password = "an SMTP password nobody may read"
    base, proc, log_path = start_server(log_level="trace", extra_env={
        "ONWARD_SMTP_HOST": "127.0.0.1", "ONWARD_SMTP_PORT": str(free_port()), "ONWARD_SMTP_SECURITY": "none",
        "ONWARD_SMTP_USERNAME": "onward", "ONWARD_SMTP_PASSWORD": smtp_password, "ONWARD_MAIL_FROM": "careers@demo.onward.example"})
    try:
        session = requests.Session()
        csrf = re.search(r'name="csrf" value="([^"]+)"', session.get(base + "/sign-in", timeout=10).text).group(1)
        session.post(base + "/sign-in", data={"email": "amara.okafor@demo.onward.example", "password": "onward-demo-2026", "csrf": csrf}, timeout=10)
        page = session.get(base + "/account/tokens", timeout=10).text
        csrf = re.search(r'name="csrf" value="([^"]+)"', page).group(1)
        made = session.post(base + "/account/tokens", data={"name": "logs", "csrf": csrf}, timeout=10).text
        token = re.search(r'id="new-token"[^>]*value="([^"]+)"', made).group(1)
        api = {"Authorization": "Bearer " + token}
        first = requests.post(base + "/api/v1/calendar-feed", headers=api, timeout=10).json()["url"]
        assert requests.get(first, timeout=10).status_code == 200
        second = requests.post(base + "/api/v1/calendar-feed", headers=api, timeout=10).json()["url"]
        assert requests.get(first, timeout=10).status_code == 404
        assert requests.get(second, timeout=10).status_code == 200
        assert requests.delete(base + "/api/v1/calendar-feed", headers=api, timeout=10).status_code == 204
    finally:
        stop_server(proc)
    log = open(log_path).read()
    assert "SELECT" in log, "the log is at its most talkative"
    for secret in (first.rsplit("/", 1)[1][:-4], second.rsplit("/", 1)[1][:-4], token, smtp_password):
        assert secret not in log
