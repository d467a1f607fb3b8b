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


BEN = "ben.hartley@demo.onward.example"


def test_a_partner_finds_a_shared_candidate_and_reads_the_evidence_behind_a_figure(server, browser):
    # Rachel, of the partnerships team: four graduates share; Dev, whose signs stand, does not.
    sign_in(browser, server, DEMO["partner"])
    assert "4 graduates share a candidate profile" in browser.page_source
    check_accessibility(browser, "partner-home")
    browser.find_element(By.CSS_SELECTOR, "nav a[href='/candidates']").click()
    wait(browser).until(lambda d: d.current_url.endswith("/candidates"))
    assert "Amara Okafor" in browser.page_source and "Dev Patel" not in browser.page_source
    check_accessibility(browser, "candidates")

    # She filters by a stack, and opens the evidence behind Amara's commits.
    browser.find_element(By.ID, "field-stack").send_keys("ruby on rails")
    browser.find_element(By.XPATH, "//button[normalize-space()='Filter']").click()
    wait(browser).until(lambda d: "stack=ruby" in d.current_url)
    assert "Amara Okafor" in browser.page_source and "Ben Hartley" not in browser.page_source
    browser.find_element(By.XPATH, "//tr[.//a[normalize-space()='Amara Okafor']]//a[contains(., 'weeks with')]").click()
    wait(browser).until(lambda d: "/candidates/" in d.current_url and d.current_url.endswith("#commits"))
    assert "Week of" in browser.page_source and "Their latest commits" in browser.page_source
    assert "Their coach's technical recommendation" in browser.page_source, "Amara read hers"
    assert "Former pharmacist" not in browser.page_source, "her own words on her profile are not the candidate profile"
    check_accessibility(browser, "candidate")

    # She makes a shortlist for a hiring partner, puts Amara on it and exports it.
    browser.get(server + "/shortlists")
    browser.find_element(By.ID, "field-name").send_keys("Rails developer")
    browser.find_element(By.ID, "field-hiring_partner").send_keys("Contoso Health")
    browser.find_element(By.XPATH, "//button[normalize-space()='Make the shortlist']").click()
    wait(browser).until(lambda d: "Rails developer is made" in d.page_source)
    browser.get(server + "/candidates?stack=ruby+on+rails")
    browser.find_element(By.LINK_TEXT, "Amara Okafor").click()
    wait(browser).until(lambda d: "Ranked" in d.page_source)
    browser.find_element(By.XPATH, "//button[normalize-space()='Add to Rails developer']").click()
    wait(browser).until(lambda d: "Added to Rails developer." in d.page_source)
    browser.get(server + "/shortlists")
    browser.find_element(By.LINK_TEXT, "Rails developer").click()
    wait(browser).until(lambda d: "For Contoso Health" in d.page_source)
    assert "Amara Okafor" in browser.page_source
    check_accessibility(browser, "shortlist")
    sign_out(browser)

    # Ben reads his coach's recommendation, then stops sharing: partners no longer see him.
    sign_in(browser, server, BEN)
    browser.get(server + "/candidate-profile")
    assert "Shared with the partnerships team" in browser.page_source and "Read it first" in browser.page_source
    check_accessibility(browser, "candidate-profile")
    browser.find_element(By.XPATH, "//button[normalize-space()='I have read it']").click()
    wait(browser).until(lambda d: "You have read it" in d.page_source)
    browser.execute_script("window.confirm = () => true")
    browser.find_element(By.XPATH, "//button[normalize-space()='Stop sharing']").click()
    wait(browser).until(lambda d: "no longer shared" in d.page_source)
    sign_out(browser)
    sign_in(browser, server, DEMO["partner"])
    browser.get(server + "/candidates")
    assert "Ben Hartley" not in browser.page_source and "Amara Okafor" in browser.page_source
