#!/usr/bin/env python3
"""Writes a believable applications CSV (Huntr-like headers) with N rows: python3 make_applications_csv.py N FILE"""
import csv
import datetime
import random
import sys

COMPANIES = ["Monzo", "Deliveroo", "Sky", "Octopus Energy", "BBC", "Starling Bank", "Made Tech", "Thoughtworks", "Bloom & Wild", "Zopa",
             "Checkout.com", "Farewill", "Cazoo", "GoCardless", "Kainos", "Ocado Technology", "Wise", "Revolut", "Skyscanner", "Tesco Technology"]
ROLES = ["Junior Developer", "Graduate Software Engineer", "Associate Developer", "Junior Backend Engineer", "Junior Front-end Developer",
         "Software Engineer I", "Trainee Developer", "Junior Full-stack Developer"]
STAGES = ["Wishlist", "Applied", "Applied", "Applied", "Screening", "Tech Test", "Interviewing", "Offer", "Rejected", "Rejected", "Withdrawn"]
CITIES = ["London", "Manchester", "Leeds", "Bristol", "Remote", "Edinburgh", "Cardiff", "Belfast"]


def main():
    n, path = int(sys.argv[1]), sys.argv[2]
    rng = random.Random(42)
    today = datetime.date.today()
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["Company", "Job Title", "Status", "Date Applied", "URL", "Location", "Salary", "Notes", "Excitement"])
        for i in range(n):
            company = rng.choice(COMPANIES)
            applied = today - datetime.timedelta(days=rng.randint(1, 400))
            lo = rng.randrange(24, 36) * 1000
            notes = rng.choice(["", "Referred by a friend, who says the team pairs a lot.", "Tech test is a small API, \"take-home\", 4 hours", "Follow up on Monday"])
            w.writerow([company, rng.choice(ROLES), rng.choice(STAGES), applied.strftime("%d/%m/%Y"),
                        f"https://jobs.example.com/{company.lower().replace(' ', '-')}/{i}", rng.choice(CITIES),
                        f"£{lo // 1000}k-£{lo // 1000 + 4}k", notes, rng.randint(1, 5)])


if __name__ == "__main__":
    main()
