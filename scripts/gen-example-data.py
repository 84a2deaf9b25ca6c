#!/usr/bin/env python3
"""Writes examples/data/contacts.csv and events.csv: small, realistic, seeded.

One data set serves every example campaign: the contacts file has the union of their
contact attributes (columns are matched by name; a campaign ignores the others), the
events file the union of their event types and fields. Same arguments, same bytes.

    python3 scripts/gen-example-data.py [--contacts 2500] [--seed 7] [--out examples/data]
"""
import argparse
import csv
import datetime as dt
import os
import random

START = dt.datetime(2025, 10, 1, tzinfo=dt.timezone.utc)
END = dt.datetime(2026, 3, 31, tzinfo=dt.timezone.utc)
COUNTRIES = [("id", "Asia/Jakarta", 0.45), ("sg", "Asia/Singapore", 0.2), ("my", "Asia/Kuala_Lumpur", 0.2),
             ("ph", "Asia/Manila", 0.15)]
NAMES = ["Ayu", "Budi", "Citra", "Dewi", "Eka", "Fajar", "Gita", "Hadi", "Indah", "Joko", "Mei", "Raj", "Siti",
         "Tan", "Wei", "Yusuf", "Nur", "Lina", "Omar", "Putri"]
TIERS = [("bronze", 0.55), ("silver", 0.25), ("gold", 0.14), ("platinum", 0.06)]
PROFILES = [("power", 0.08), ("active", 0.22), ("casual", 0.3), ("lapsed", 0.25), ("silent", 0.15)]
CONTACT_COLUMNS = ["id", "email", "phone", "first_name", "gender", "company", "seats", "plan", "tier", "ltv",
                   "lifetime_value", "orders_90d", "signup", "signup_date", "country", "timezone", "push_token",
                   "push_opt_in", "whatsapp_opt_in", "sms_opt_in", "sms_consent_until", "email_consent_until",
                   "do_not_contact", "birth_date", "last_login"]
EVENT_COLUMNS = ["id", "ts", "type", "campaign", "template", "url", "cta", "intent", "channel", "amount",
                 "category", "screen", "step"]


def pick(rng, weighted):
    roll = rng.random() * sum(w for *_, w in weighted)
    for item in weighted:
        roll -= item[-1]
        if roll <= 0:
            return item[0] if len(item) == 2 else item
    return weighted[-1][0] if len(weighted[-1]) == 2 else weighted[-1]


def stamp(moment):
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--contacts", type=int, default=2500)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "..", "examples", "data"))
    args = parser.parse_args()
    rng = random.Random(args.seed)
    os.makedirs(args.out, exist_ok=True)
    contacts, events = [], []
    span = (END - START).total_seconds()
    for n in range(1, args.contacts + 1):
        cid = f"u{n:05d}"
        country, zone, _ = pick(rng, COUNTRIES)
        tier = pick(rng, TIERS)
        profile = pick(rng, PROFILES)
        median = {"bronze": 80, "silver": 300, "gold": 900, "platinum": 2500}[tier]
        ltv = round(rng.lognormvariate(0, 0.6) * median, 2)
        orders = {"power": rng.randint(3, 9), "active": rng.randint(1, 4), "casual": rng.randint(0, 2),
                  "lapsed": 0, "silent": 0}[profile]
        # A fifth of the contacts signed up shortly before the window (the onboarding audience).
        if rng.random() < 0.2:
            signup = START - dt.timedelta(days=rng.randint(0, 13), hours=rng.randint(0, 23))
        else:
            signup = START - dt.timedelta(days=rng.randint(14, 900), hours=rng.randint(0, 23))
        consent = rng.random()
        email_consent = "" if consent < 0.1 else (
            (END + dt.timedelta(days=rng.randint(30, 700))).date().isoformat() if consent < 0.85
            else (START + dt.timedelta(days=rng.randint(0, 150))).date().isoformat())
        contacts.append({
            "id": cid, "email": f"user{n}@example.com",
            "phone": "" if rng.random() < 0.3 else f"+6{rng.randint(10**9, 10**10 - 1)}",
            "first_name": rng.choice(NAMES), "gender": rng.choice(["f", "m", "x"]),
            "company": f"Company {rng.randint(1, 400)}", "seats": rng.choice([1, 3, 5, 10, 25, 50, 200]),
            "plan": pick(rng, [("trial", 0.5), ("starter", 0.3), ("business", 0.2)]), "tier": tier,
            "ltv": f"{ltv:.2f}", "lifetime_value": "" if rng.random() < 0.05 else f"{ltv:.2f}",
            "orders_90d": orders, "signup": stamp(signup), "signup_date": signup.date().isoformat(),
            "country": country, "timezone": zone,
            "push_token": str(rng.random() < 0.6).lower(), "push_opt_in": str(rng.random() < 0.55).lower(),
            "whatsapp_opt_in": str(rng.random() < 0.35).lower(), "sms_opt_in": str(rng.random() < 0.3).lower(),
            "sms_consent_until": "" if rng.random() < 0.5 else (END + dt.timedelta(days=rng.randint(-60, 400))).date().isoformat(),
            "email_consent_until": email_consent, "do_not_contact": str(rng.random() < 0.03).lower(),
            "birth_date": "" if rng.random() < 0.4 else dt.date(rng.randint(1960, 2004), rng.randint(1, 12), rng.randint(1, 28)).isoformat(),
            "last_login": "" if profile == "silent" else stamp(END - dt.timedelta(days=rng.randint(0, 200))),
        })
        count = {"power": rng.randint(25, 60), "active": rng.randint(8, 25), "casual": rng.randint(2, 8),
                 "lapsed": rng.randint(1, 4), "silent": 0}[profile]
        horizon = 0.35 if profile == "lapsed" else 1.0
        for _ in range(count):
            moment = START + dt.timedelta(seconds=int(rng.random() * span * horizon))
            kind = pick(rng, [("email_open", 30), ("email_click", 12), ("page_visit", 18), ("browse", 10),
                              ("purchase", 4), ("app_open", 10), ("setup_step", 3), ("push_open", 5),
                              ("in_app_dismiss", 2), ("in_app_click", 2), ("whatsapp_reply", 1), ("demo_booked", 1)])
            row = {"id": cid, "ts": stamp(moment), "type": kind}
            campaign = rng.choice(["winback", "newsletter", "spring", "demo"])
            if kind in ("email_open", "email_click"):
                row.update(campaign=campaign, template=rng.choice(["demo-invite", "winback-1", "newsletter"]))
            if kind == "email_click":
                row.update(url=rng.choice(["/pricing", "/blog/tips", "/demo", "/product"]),
                           cta=rng.choice(["book_demo", "talk_to_sales", "read_more"]))
            if kind == "page_visit":
                url = rng.choice(["/pricing", "/checkout", "/blog", "/help", "/product"])
                row.update(url=url, intent="high" if url in ("/pricing", "/checkout", "/product") else "low")
            if kind == "purchase":
                row.update(amount=f"{rng.lognormvariate(3.5, 0.7):.2f}", category=rng.choice(["shoes", "bags", "beauty", "home"]),
                           channel=rng.choice(["web", "app", "store"]))
            if kind == "browse":
                row.update(category=rng.choice(["shoes", "bags", "beauty", "home"]))
            if kind == "app_open":
                row.update(screen=rng.choice(["home", "cart", "profile", "search"]))
            if kind == "setup_step":
                row.update(step=rng.choice(["profile", "payment", "first_order"]))
            if kind == "in_app_click":
                row.update(cta=rng.choice(["finish_setup", "browse"]))
            events.append(row)
        roll = rng.random()
        if roll < 0.02:
            events.append({"id": cid, "ts": stamp(START + dt.timedelta(seconds=int(rng.random() * span))),
                           "type": "unsubscribe", "channel": rng.choice(["email", "push"])})
        elif roll < 0.025:
            events.append({"id": cid, "ts": stamp(START + dt.timedelta(seconds=int(rng.random() * span))),
                           "type": "complaint"})
        elif roll < 0.03:
            events.append({"id": cid, "ts": stamp(START + dt.timedelta(seconds=int(rng.random() * span))),
                           "type": "sms_stop"})
    events.sort(key=lambda row: (row["ts"], row["id"]))
    for name, columns, rows in (("contacts.csv", CONTACT_COLUMNS, contacts), ("events.csv", EVENT_COLUMNS, events)):
        path = os.path.join(args.out, name)
        with open(path + ".tmp", "w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, fieldnames=columns, lineterminator="\n")
            writer.writeheader()
            for row in rows:
                writer.writerow(row)
        os.replace(path + ".tmp", path)
    print(f"wrote {len(contacts)} contacts and {len(events)} events to {args.out}")


if __name__ == "__main__":
    main()
