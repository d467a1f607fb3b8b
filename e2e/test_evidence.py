"""Evidence in a browser: a signed push from GitHub raises the week's count and clears the signs
it answers, on the graduate's home and on their coach's dashboard."""
import datetime
import hashlib
import hmac
import json
import re
import urllib.request
import uuid

from selenium.webdriver.common.by import By

from conftest import DEMO, WEBHOOK_SECRET
from helpers import check_accessibility, sign_in, sign_out, wait

DEV = "dev.patel@demo.onward.example"


def deliver_push(base, login, repository, count):
    """Posts a `push` as GitHub delivers it: signed with the secret, `count` new commits made now."""
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    commits = [{"id": uuid.uuid4().hex + uuid.uuid4().hex[:8], "distinct": True, "timestamp": now} for _ in range(count)]
    body = json.dumps({"ref": "refs/heads/main", "repository": {"full_name": repository}, "sender": {"login": login}, "commits": commits}).encode()
    signature = "sha256=" + hmac.new(WEBHOOK_SECRET.encode(), body, hashlib.sha256).hexdigest()
    request = urllib.request.Request(base + "/webhooks/github", data=body, method="POST", headers={
        "Content-Type": "application/json", "X-GitHub-Event": "push", "X-GitHub-Delivery": str(uuid.uuid4()), "X-Hub-Signature-256": signature})
    with urllib.request.urlopen(request) as response:
        assert response.status == 200
        return json.load(response)


def week_count(browser):
    return int(re.search(r"(\d+) commits? this week", browser.page_source).group(1))


def test_a_signed_push_raises_the_week_and_clears_the_signs_it_answers(server, browser):
    # Dev's last three weeks are almost empty: two signs stand on his home, each with what to do.
    sign_in(browser, server, DEV)
    assert "Signs to act on" in browser.page_source
    assert "Not writing much code" in browser.page_source and "Tutorials only" in browser.page_source
    before = week_count(browser)
    check_accessibility(browser, "graduate-home-signals")
    browser.find_element(By.LINK_TEXT, "What each signal means").click()
    wait(browser).until(lambda d: d.current_url.endswith("/signals"))
    assert "Fewer than 3 commits in the last 7 days." in browser.page_source
    check_accessibility(browser, "signals")

    # He pushes three commits to his side project; GitHub tells Onward.
    answer = deliver_push(server, "devpatel-codes", "devpatel-codes/times-tables", 3)
    assert answer["commits"] == 3
    browser.find_element(By.LINK_TEXT, "Home").click()
    wait(browser).until(lambda d: "Hello, Dev" in d.page_source)
    assert week_count(browser) == before + 3
    assert "Not writing much code" not in browser.page_source, "three commits in the week meet the target"
    assert "Tutorials only" not in browser.page_source, "the side project was worked on today"
    browser.find_element(By.LINK_TEXT, "Projects").click()
    wait(browser).until(lambda d: d.current_url.endswith("/projects"))
    assert "(its last commit)" in browser.page_source
    check_accessibility(browser, "projects")

    # A project added with a bad address is refused with a message; then added.
    browser.find_element(By.ID, "field-name").send_keys("Fractions game")
    browser.find_element(By.ID, "field-repository").send_keys("github.com/devpatel-codes/fractions")
    browser.find_element(By.XPATH, "//button[normalize-space()='Add the project']").click()
    wait(browser).until(lambda d: "Please check the form" in d.page_source)
    assert "Enter a web address starting with http:// or https://." in browser.page_source
    repository = browser.find_element(By.ID, "field-repository")
    repository.clear()
    repository.send_keys("https://github.com/devpatel-codes/fractions")
    browser.find_element(By.XPATH, "//button[normalize-space()='Add the project']").click()
    wait(browser).until(lambda d: "Fractions game is among your projects." in d.page_source)
    sign_out(browser)

    # His coach's dashboard, filtered to the signs, shows what still stands and not what cleared.
    sign_in(browser, server, DEMO["coach"])
    browser.get(server + "/dashboard?show=signals")
    row = browser.find_element(By.XPATH, "//tr[.//a[normalize-space()='Dev Patel']]")
    assert "Not past the first hurdle" in row.text
    assert "Not writing much code" not in row.text and "Tutorials only" not in row.text
    browser.get(server + "/coach")
    assert "Who needs you" in browser.page_source
    check_accessibility(browser, "coach-home-who-needs-you")
