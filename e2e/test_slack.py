import datetime
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from selenium.webdriver.common.by import By

from conftest import DEMO, free_port, start_server, stop_server
from helpers import check_accessibility, set_value, sign_in, wait

SECRET_PATH = "/services/T0E2E/B0E2E/e2eSecretPart7q"


class Slack:
    """A Slack incoming webhook on this machine that keeps each post it takes, and answers 500
    to the first `failing` posts."""

    def __init__(self, failing=1):
        self.posts = []
        self.failing = failing
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                if outer.failing > 0:
                    outer.failing -= 1
                    self.send_response(500)
                    self.end_headers()
                    self.wfile.write(b"internal_error")
                    return
                outer.posts.append((self.path, self.headers.get("Content-Type"), json.loads(body)))
                self.send_response(200)
                self.end_headers()
                self.wfile.write(b"ok")

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", free_port()), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}{SECRET_PATH}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def wait_for(self, words, seconds=45):
        deadline = time.time() + seconds
        while time.time() < deadline:
            for path, kind, post in self.posts:
                if words in post.get("text", ""):
                    return path, kind, post
            time.sleep(0.5)
        raise AssertionError(f"no post with {words!r} within {seconds} s: {self.posts}")

    def stop(self):
        self.server.shutdown()


def test_a_cohorts_channel_hears_who_is_free_to_pair_and_the_admin_sees_each_post(browser):
    slack = Slack(failing=1)
    base, proc, log_path = start_server(log_level="debug")
    try:
        sign_in(browser, base, DEMO["admin"])
        browser.find_element(By.LINK_TEXT, "People").click()
        browser.find_element(By.LINK_TEXT, "Slack").click()
        wait(browser).until(lambda d: d.current_url.endswith("/admin/slack"))
        autumn = browser.find_element(By.CSS_SELECTOR, "section[aria-label='Autumn 2026']")
        assert "http://127.0.0.1/…hook" in autumn.text, "the demo's channel, masked"
        # An address in the clear to another machine is refused, and nothing changes.
        field = autumn.find_element(By.CSS_SELECTOR, "input[name=url]")
        field.send_keys("http://hooks.slack.com/services/T0/B0/x")
        autumn.find_element(By.XPATH, ".//button[normalize-space()='Save']").click()
        wait(browser).until(lambda d: "Please check the form" in d.page_source)
        assert "A webhook address must start with https://" in browser.page_source
        check_accessibility(browser, "integrations-slack-refused")
        autumn = browser.find_element(By.CSS_SELECTOR, "section[aria-label='Autumn 2026']")
        field = autumn.find_element(By.CSS_SELECTOR, "input[name=url]")
        field.clear()
        field.send_keys(slack.url)
        autumn.find_element(By.XPATH, ".//button[normalize-space()='Save']").click()
        wait(browser).until(lambda d: "Saved: Onward posts to this cohort's channel" in d.page_source)
        assert "/…" + SECRET_PATH[-4:] in browser.page_source and "e2eSecretPart" not in browser.page_source
        check_accessibility(browser, "integrations-slack")

        # The test post meets a Slack that fails: the log says so, and it waits for its next try.
        autumn = browser.find_element(By.CSS_SELECTOR, "section[aria-label='Autumn 2026']")
        autumn.find_element(By.XPATH, ".//button[normalize-space()='Send a test post']").click()
        wait(browser).until(lambda d: "A test post is on its way" in d.page_source)
        def test_row():
            return browser.find_element(By.XPATH, "//tr[td//strong[normalize-space()='Test post']]")
        deadline = time.time() + 45
        while "try failed" not in test_row().text and time.time() < deadline:
            time.sleep(1)
            browser.refresh()
        assert "1 try failed" in test_row().text and "Slack answered 500" in test_row().text

        # A graduate of the cohort posts when she is free to pair: the channel hears it.
        browser.delete_all_cookies()
        sign_in(browser, base, "chloe.martin@demo.onward.example")
        browser.get(base + "/practice/pairing/volunteer")
        saturday = (datetime.date.today() + datetime.timedelta(days=7 - datetime.date.today().weekday() + 5)).isoformat()
        topics = browser.find_element(By.ID, "field-topics")
        topics.clear()
        topics.send_keys("CSS & accessibility <3")
        kind = browser.find_element(By.CSS_SELECTOR, "input[name=kind_kata]")
        if not kind.is_selected():
            kind.click()
        set_value(browser, "field-window1_day", saturday)
        set_value(browser, "field-window1_start", "10:00")
        set_value(browser, "field-window1_end", "12:00")
        browser.find_element(By.XPATH, "//form[.//input[@name='topics']]//button[@type='submit']").click()
        path, content_type, post = slack.wait_for("is free to pair on CSS &amp; accessibility &lt;3")
        assert path == SECRET_PATH and content_type.startswith("application/json")
        assert post["blocks"][0]["type"] == "section" and "*Chloé Martin* is free to pair" in post["blocks"][0]["text"]["text"]
        assert "10:00–12:00" in post["blocks"][0]["text"]["text"]
        assert base + "/practice/pairing|Pairing>" in post["blocks"][1]["elements"][0]["text"]
    finally:
        stop_server(proc)
        slack.stop()
    log = open(log_path).read()
    assert "e2eSecretPart" not in log, "the webhook's secret path is never in a log line"
