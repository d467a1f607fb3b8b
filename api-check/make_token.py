"""Signs in through the web form and makes an API token on the tokens page, as a person would.
Prints the token. Usage: token.py BASE_URL EMAIL PASSWORD"""

import http.cookiejar
import re
import sys
import urllib.parse
import urllib.request

base, email, password = sys.argv[1:4]
jar = http.cookiejar.CookieJar()
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))


def csrf(page):
    return re.search(r'name="csrf" value="([^"]+)"', page).group(1)


page = opener.open(base + "/sign-in").read().decode()
opener.open(base + "/sign-in", urllib.parse.urlencode({"email": email, "password": password, "csrf": csrf(page)}).encode())
page = opener.open(base + "/account/tokens").read().decode()
made = opener.open(base + "/account/tokens", urllib.parse.urlencode({"name": "api-check", "csrf": csrf(page)}).encode()).read().decode()
print(re.search(r'id="new-token"[^>]*value="([^"]+)"', made).group(1))
