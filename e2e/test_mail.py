import email
import time
from email import policy

from aiosmtpd.controller import Controller
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import DEMO, free_port, start_server, stop_server
from helpers import check_accessibility, sign_in, wait


class Inbox:
    """A mail server on this machine (Python's aiosmtpd) that keeps what it is given, and can be
    told to refuse for a while."""

    def __init__(self):
        self.messages = []
        self.refusing = False

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.refusing:
            return "451 Try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.messages.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.content))
        return "250 Message accepted"

    def wait_for(self, address, seconds=40):
        deadline = time.time() + seconds
        while time.time() < deadline:
            for sender, recipients, content in self.messages:
                if address in recipients:
                    return sender, email.message_from_bytes(content, policy=policy.default)
            time.sleep(0.5)
        raise AssertionError(f"no mail to {address} within {seconds} s: {[(s, r) for s, r, _ in self.messages]}")


def test_an_invitation_reaches_the_invitees_inbox_and_the_outbox_says_so(browser):
    inbox = Inbox()
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    base, proc, _ = start_server(extra_env={"ONWARD_SMTP_HOST": "127.0.0.1", "ONWARD_SMTP_PORT": str(port), "ONWARD_SMTP_SECURITY": "none",
                                            "ONWARD_MAIL_FROM": "careers@demo.onward.example"})
    try:
        # The mail server refuses at first: the outbox says so, and tries again a minute later.
        inbox.refusing = True
        sign_in(browser, base, DEMO["admin"])
        browser.get(base + "/admin/invitations")
        address = f"new.graduate.{int(time.time() * 1000)}@example.org"
        browser.find_element(By.ID, "field-email").send_keys(address)
        Select(browser.find_element(By.ID, "field-role")).select_by_visible_text("Graduate")
        Select(browser.find_element(By.ID, "field-cohort_id")).select_by_visible_text("Autumn 2026")
        browser.find_element(By.XPATH, "//button[normalize-space()='Create invitation']").click()
        link = wait(browser).until(lambda d: d.find_element(By.ID, "invitation-link")).get_attribute("value")

        browser.find_element(By.LINK_TEXT, "People").click()
        browser.find_element(By.LINK_TEXT, "Outbox").click()
        def row():
            return browser.find_element(By.XPATH, f"//tr[td[normalize-space()='{address}']]")

        deadline = time.time() + 40
        while "try failed" not in row().text and time.time() < deadline:
            time.sleep(1)
            browser.refresh()
        assert "1 try failed" in row().text and "451 Try again later" in row().text
        check_accessibility(browser, "integrations-outbox")

        inbox.refusing = False
        sender, message = inbox.wait_for(address, seconds=90)
        assert sender == "careers@demo.onward.example"
        assert message["Subject"] == "You're invited to Onward" and message["To"].addresses[0].addr_spec == address
        assert link in message.get_content(), "the link the admin was shown is the one sent"
        browser.refresh()
        assert "Sent" in row().text
    finally:
        stop_server(proc)
        controller.stop()
