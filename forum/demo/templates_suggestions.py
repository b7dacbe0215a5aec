"""Plain template data for demo improvement suggestions and agency responses.

Same slot rules as :mod:`forum.demo.templates_qa` (its ``SLOTS`` pool is
shared).  No personal information of any kind.
"""

from .templates_qa import ALL_AGENCIES, COUNCIL, HEALTH, PASSPORTS, PAYMENTS, TAX, TRANSPORT  # noqa: F401

SUGGESTION_INTROS = (
    "",
    "",
    "Small idea that would make a big difference.",
    "Suggestion from a regular user.",
    "I know budgets are tight, but here's one idea.",
)

SUGGESTION_BULLET_HEADERS = (
    "It could include:",
    "Ideally:",
    "Something like:",
)

SUGGESTION_SIGNOFFS = (
    "",
    "",
    "Would others use this?",
    "Upvote if you'd find this useful.",
    "Thanks for considering it.",
)

SUGGESTION_FAMILIES = (
    {
        "topic": "sms-payment-delay",
        "agencies": PAYMENTS,
        "titles": (
            "Send an SMS when a payment is delayed",
            "Text us when a payment won't arrive on time",
            "Notify recipients if a fortnightly payment is held up",
            "Payment delay alerts by SMS or app notification",
        ),
        "problems": (
            "Right now the only way to find out a payment is late is to check your bank on payday and then wait on hold.",
            "When {payment} is held up, people find out when rent bounces, not from the agency.",
        ),
        "proposals": (
            "Please send an SMS or app notification as soon as a payment is delayed, with the reason and the expected date.",
            "An automatic text saying 'your payment is delayed, expected on this date' would save so many calls.",
        ),
        "benefits": (
            "It would cut the call queue on paydays and help people warn their landlord early.",
            "Fewer calls for the agency, less panic for us.",
        ),
        "bullets": (
            "The reason for the delay",
            "The new expected date",
            "What, if anything, we need to do",
            "A link to the payment history page",
        ),
        "tags": ("payments", "notifications"),
        "extra_tags": ("sms", "waiting-times"),
    },
    {
        "topic": "online-renewal-appointments",
        "agencies": TRANSPORT + PASSPORTS,
        "titles": (
            "Let us book renewal appointments online",
            "Online booking for renewal appointments at service centres",
            "Book a time slot instead of queueing for renewals",
            "Choose a renewal appointment time on the {agency} website",
        ),
        "problems": (
            "To renew in person you still have to turn up and queue, sometimes for {wait}.",
            "Renewals that need a new photo can't be booked ahead, so everyone queues at opening time.",
        ),
        "proposals": (
            "Please add online booking for renewal appointments, with a confirmation and reminder by SMS.",
            "Let us pick a 15-minute slot online, like most GP clinics do.",
        ),
        "benefits": (
            "Queues would be shorter and people could plan around work.",
            "It would spread visits across the day instead of a rush at opening.",
        ),
        "bullets": (
            "Available slots for each service centre",
            "Reminder the day before",
            "Easy reschedule or cancel link",
        ),
        "tags": ("appointments", "bookings"),
        "extra_tags": ("licence-renewal", "passport-renewal", "waiting-times"),
    },
    {
        "topic": "refund-progress-tracker",
        "agencies": TAX,
        "titles": (
            "Show a step-by-step tracker for tax refunds",
            "More detail than 'processing' on tax return status",
            "Refund tracker with an estimated payment date",
            "Tell us why a tax return is held for review",
        ),
        "problems": (
            "The return status just says 'processing' for weeks with no explanation.",
            "When a return is held for review there's no way to know what they're waiting for.",
        ),
        "proposals": (
            "Please show each stage of processing with an estimated refund date, like a parcel tracker.",
            "If a return is held, tell us why and what we can provide to speed it up.",
        ),
        "benefits": (
            "It would stop thousands of 'where is my refund' calls every July.",
            "People could plan around the refund instead of guessing.",
        ),
        "bullets": (
            "Received",
            "Checking income details",
            "Held for review, with the reason",
            "Refund issued, with the date",
        ),
        "tags": ("refunds", "tax-return"),
        "extra_tags": ("online-account", "transparency"),
    },
    {
        "topic": "bin-day-reminders",
        "agencies": COUNCIL,
        "titles": (
            "Push reminders the night before bin day",
            "Bin collection reminders by SMS or app",
            "Tell us which bins go out this week",
            "Bin day reminder service for Riverside residents",
        ),
        "problems": (
            "Recycling and green waste alternate weeks and half the street gets it wrong.",
            "The bin calendar is a PDF that's hard to find and harder to read on a phone.",
        ),
        "proposals": (
            "Please offer an opt-in reminder the night before bin day that says which bins are going out.",
            "A simple SMS or app notification each week would fix this.",
        ),
        "benefits": (
            "Fewer missed collections and less overflowing rubbish.",
            "Fewer missed-bin reports for council to handle.",
        ),
        "bullets": (
            "Which bins to put out",
            "Changes for public holidays",
            "Hard rubbish booking reminders",
        ),
        "tags": ("bins", "notifications"),
        "extra_tags": ("waste-collection", "sms"),
    },
    {
        "topic": "rates-monthly-instalments",
        "agencies": COUNCIL,
        "titles": (
            "Offer monthly rates instalments by default",
            "Let residents pay rates fortnightly without applying",
            "Smaller, more frequent rates payments",
        ),
        "problems": (
            "Quarterly rates instalments of {amount} or more are really hard on a tight budget.",
            "You currently have to fill in a form to get a payment arrangement.",
        ),
        "proposals": (
            "Please let anyone choose monthly or fortnightly direct debit from the rates portal.",
            "Make smaller instalments a simple option on the rates notice.",
        ),
        "benefits": (
            "Fewer late payments and less interest for people who are struggling.",
            "Council gets steadier cash flow too.",
        ),
        "tags": ("rates", "payment-plans"),
        "extra_tags": ("hardship",),
    },
    {
        "topic": "digital-health-card",
        "agencies": HEALTH,
        "titles": (
            "Add the Health Cover card to phone wallets",
            "Digital Health Cover card that works offline",
            "Let every family member show the digital card",
        ),
        "problems": (
            "The digital card only shows in the app, which needs a connection and a login every time.",
            "My teenager can't show their own card without my login.",
        ),
        "proposals": (
            "Please let us add the card to the phone wallet so it works offline.",
            "Let family members over fifteen have their own digital card.",
        ),
        "benefits": (
            "Quicker check-in at clinics and pharmacies.",
            "Fewer people turning up without a card.",
        ),
        "tags": ("health-card", "digital-services"),
        "extra_tags": ("online-account",),
    },
    {
        "topic": "passport-photo-checker",
        "agencies": PASSPORTS,
        "titles": (
            "Check passport photos automatically before we submit",
            "Instant feedback on passport photos",
            "Photo checker in the online passport application",
        ),
        "problems": (
            "My application was sent back {weeks} weeks later because of a shadow in the photo.",
            "Photo rejections add weeks to passport processing.",
        ),
        "proposals": (
            "Please add an automatic photo check when we upload, with a clear reason if it fails.",
            "Tell us straight away if a photo won't be accepted, instead of weeks later.",
        ),
        "benefits": (
            "Fewer rejected applications and faster processing for everyone.",
            "Less work for staff re-handling applications.",
        ),
        "tags": ("passport-photos", "passport-renewal"),
        "extra_tags": ("digital-services", "waiting-times"),
    },
    {
        "topic": "callback-instead-of-hold",
        "agencies": ALL_AGENCIES,
        "titles": (
            "Offer a callback instead of keeping us on hold",
            "Callback option on the {agency} phone line",
            "Let us book a call back at a set time",
            "Stop making people wait on hold for {wait}",
        ),
        "problems": (
            "Calling {agency_short} often means waiting on hold for {wait}.",
            "People who work or care for kids can't sit on hold for hours.",
        ),
        "proposals": (
            "Please offer a callback when wait times are long, or let us book a call at a chosen time.",
            "A 'call me back' button on the website with a time window would be ideal.",
        ),
        "benefits": (
            "Less frustration and fewer dropped calls.",
            "People with jobs and caring responsibilities could actually get through.",
        ),
        "tags": ("phone-support", "waiting-times"),
        "extra_tags": ("accessibility",),
    },
    {
        "topic": "save-form-progress",
        "agencies": ALL_AGENCIES,
        "titles": (
            "Let us save a half-finished online form and come back later",
            "Online forms time out and lose everything",
            "Save as draft for long {agency_short} forms",
        ),
        "problems": (
            "The online forms on the {agency} site time out after 20 minutes and lose everything.",
            "Long forms need documents I don't always have on hand, so I have to start again.",
        ),
        "proposals": (
            "Please add a 'save and continue later' option to all long forms.",
            "Auto-save progress so a timeout doesn't wipe the form.",
        ),
        "benefits": (
            "Fewer abandoned applications and fewer calls for help.",
            "Much easier for people with disability or limited time.",
        ),
        "tags": ("online-forms", "digital-services"),
        "extra_tags": ("accessibility", "online-account"),
    },
    {
        "topic": "plain-english-letters",
        "agencies": TAX + PAYMENTS + HEALTH,
        "titles": (
            "Write letters in plain English",
            "Letters from {agency_short} are too hard to understand",
            "Put a plain-language summary at the top of every letter",
        ),
        "problems": (
            "Letters from {the_agency} are full of legal terms and it's hard to tell what I need to do.",
            "I had to ask three people what my last letter from {agency_short} actually meant.",
        ),
        "proposals": (
            "Please add a short summary at the top: what happened, what you need to do, and by when.",
            "Use plain English and explain any amounts owed line by line.",
        ),
        "benefits": (
            "Fewer calls asking what letters mean, and fewer missed deadlines.",
            "Especially helpful for people with English as a second language.",
        ),
        "bullets": (
            "What happened",
            "What you need to do",
            "The deadline",
            "Who to contact",
        ),
        "tags": ("letters", "plain-language"),
        "extra_tags": ("accessibility",),
    },
    {
        "topic": "show-wait-times",
        "agencies": ALL_AGENCIES,
        "titles": (
            "Show current phone and service-centre wait times on the website",
            "Live queue times for {agency} service centres",
            "Publish expected wait times before we call",
        ),
        "problems": (
            "There's no way to know if the queue will be ten minutes or two hours.",
            "I drove to a service centre only to find a {wait} wait.",
        ),
        "proposals": (
            "Please show live wait times for the phone lines and each service centre.",
            "Put the current estimated wait at the top of the contact page.",
        ),
        "benefits": (
            "People could choose quieter times and spread out demand.",
            "Simple to do and would save a lot of wasted trips.",
        ),
        "tags": ("waiting-times", "transparency"),
        "extra_tags": ("phone-support",),
    },
    {
        "topic": "accessible-online-forms",
        "agencies": ALL_AGENCIES,
        "titles": (
            "Make online forms work properly with screen readers",
            "Accessibility audit of the {agency} website",
            "Fix keyboard navigation on online forms",
        ),
        "problems": (
            "Several {agency_short} forms have unlabelled fields and buttons you can't reach with a keyboard.",
            "Blind and low-vision users can't complete forms without help.",
        ),
        "proposals": (
            "Please test every form with screen readers and fix the labels and focus order.",
            "Involve disabled users in testing before new forms go live.",
        ),
        "benefits": (
            "Everyone gets equal access, and it's a legal requirement anyway.",
            "Good accessibility makes forms easier for everyone.",
        ),
        "tags": ("accessibility", "online-forms"),
        "extra_tags": ("digital-services",),
    },
    {
        "topic": "report-issue-with-photo",
        "agencies": COUNCIL,
        "titles": (
            "Let residents report potholes and broken footpaths with a photo",
            "Report-an-issue app with map pin and photo",
            "Track the status of issues I've reported to council",
        ),
        "problems": (
            "The current report form doesn't accept photos and there's no way to track progress.",
            "I reported a broken footpath {weeks} weeks ago and have no idea if anyone looked at it.",
        ),
        "proposals": (
            "Please add photo upload, a map pin and a status page for every report.",
            "Send an update when a reported issue is scheduled and when it's fixed.",
        ),
        "benefits": (
            "Crews would know exactly where to go, and residents would see action.",
            "Fewer duplicate reports of the same problem.",
        ),
        "tags": ("reporting", "roads-footpaths"),
        "extra_tags": ("digital-services", "transparency"),
    },
    {
        "topic": "prefill-tax-return",
        "agencies": TAX,
        "titles": (
            "Pre-fill more of the tax return",
            "Pre-fill private health insurance details earlier",
            "Pre-fill bank interest on the tax return by default",
        ),
        "problems": (
            "Some pre-fill information doesn't appear until late August, so early lodgers get it wrong.",
            "I keep having to amend my return because interest details weren't there when I lodged.",
        ),
        "proposals": (
            "Please show a checklist of which pre-fill data has arrived and what's still coming.",
            "Warn us before lodging if expected pre-fill data is missing.",
        ),
        "benefits": (
            "Fewer amendments and fewer unexpected debts.",
            "Returns would be right the first time.",
        ),
        "tags": ("tax-return", "digital-services"),
        "extra_tags": ("amendments",),
    },
    {
        "topic": "parking-payment-app",
        "agencies": COUNCIL,
        "titles": (
            "Pay for parking with an app instead of meters",
            "Let us top up parking time from a phone",
            "Replace broken parking meters with app payments",
        ),
        "problems": (
            "Half the meters near the shops don't take cards and some don't work at all.",
            "I got a {fine_amount} fine because I couldn't get back in time to add more money.",
        ),
        "proposals": (
            "Please let us pay and extend parking from an app, with a reminder before time runs out.",
            "Accept app payments in all paid parking areas.",
        ),
        "benefits": (
            "Fewer fines for people running five minutes late, and fewer broken meters to maintain.",
            "More convenient for everyone visiting local businesses.",
        ),
        "tags": ("parking", "digital-services"),
        "extra_tags": ("parking-fines",),
    },
    {
        "topic": "weekend-opening-hours",
        "agencies": TRANSPORT + PASSPORTS + PAYMENTS,
        "titles": (
            "Open service centres on Saturday mornings",
            "Weekend opening hours for {agency} service centres",
            "Late-night opening one evening a week",
        ),
        "problems": (
            "Service centres are only open during work hours, so I have to take leave for a ten-minute task.",
            "People who work full time can't get to a {agency_short} service centre.",
        ),
        "proposals": (
            "Please open at least some service centres on Saturday mornings.",
            "One late night a week would make a big difference.",
        ),
        "benefits": (
            "Less leave taken, and shorter weekday queues.",
            "Fairer for shift workers and parents.",
        ),
        "tags": ("opening-hours", "service-centres"),
        "extra_tags": ("accessibility", "appointments"),
    },
    {
        "topic": "multilingual-information",
        "agencies": ALL_AGENCIES,
        "titles": (
            "Publish key information in more community languages",
            "Translate the most-used {agency_short} pages",
            "Offer online forms in languages other than English",
        ),
        "problems": (
            "Only a few pages on the {agency} website are translated, and none of the forms.",
            "Many older migrants in our area rely on their kids to explain everything.",
        ),
        "proposals": (
            "Please translate the top twenty pages and key forms into the most common community languages.",
            "Add a clear 'help in your language' link on every page.",
        ),
        "benefits": (
            "Fewer mistakes on forms and more independence for non-English speakers.",
            "Reaches people who currently avoid contacting the agency.",
        ),
        "tags": ("accessibility", "interpreters"),
        "extra_tags": ("plain-language",),
    },
    {
        "topic": "digital-driver-licence",
        "agencies": TRANSPORT,
        "titles": (
            "Digital driver licence that works offline",
            "Let the digital licence show without mobile reception",
            "Digital licence for learner drivers too",
        ),
        "problems": (
            "The digital licence needs a connection to refresh, which doesn't work in regional areas.",
            "Learner permit holders can't use the digital licence at all.",
        ),
        "proposals": (
            "Please let the digital licence work offline for a reasonable period.",
            "Extend the digital licence to learner permits.",
        ),
        "benefits": (
            "Fewer people caught out without proof of licence.",
            "Makes the digital option useful for everyone, not just city drivers.",
        ),
        "tags": ("drivers-licence", "digital-services"),
        "extra_tags": ("accessibility",),
    },
    {
        "topic": "family-account-linking",
        "agencies": HEALTH + PAYMENTS,
        "titles": (
            "Let parents manage children's details from one login",
            "Family view in the {agency_short} app",
            "Link a partner's account for shared family claims",
        ),
        "problems": (
            "Managing claims for three kids means switching between forms and calling for every change.",
            "My partner and I both have to log in separately to see family information.",
        ),
        "proposals": (
            "Please add a family view where either parent can see and update the children's details.",
            "Let families link accounts with consent so shared information is in one place.",
        ),
        "benefits": (
            "Less duplication and fewer mistakes.",
            "Would save families a lot of time.",
        ),
        "tags": ("online-account", "families"),
        "extra_tags": ("digital-services",),
    },
    {
        "topic": "claim-status-updates",
        "agencies": PAYMENTS + HEALTH,
        "titles": (
            "Email or SMS updates at each stage of a claim",
            "Tell us when someone has started looking at our claim",
            "Claim status updates so we don't have to call",
        ),
        "problems": (
            "After lodging a claim with {agency_short} there's silence for {weeks} weeks.",
            "The only status shown is 'in progress' until it's decided.",
        ),
        "proposals": (
            "Please send an update when the claim is received, when it's assigned, if anything is missing, and when it's decided.",
            "Show the current stage and an estimated decision date in the app.",
        ),
        "benefits": (
            "People could supply missing documents sooner, and calls would drop.",
            "Less anxiety while waiting on a decision.",
        ),
        "tags": ("claims", "notifications"),
        "extra_tags": ("waiting-times", "transparency"),
    },
)

# --------------------------------------------------------------------------
# Agency responses to suggestions, by status
# --------------------------------------------------------------------------

RESPONSE_OPENERS = (
    "Thanks for taking the time to share this.",
    "Thank you for the suggestion, and to everyone who voted on it.",
    "Thanks, this is really useful feedback.",
    "We appreciate the detail in this suggestion.",
)

RESPONSES = {
    "open": (
        "We've seen this and will review it along with other suggestions at our next monthly triage.",
        "This is now visible to our service design team. Keep the votes and comments coming, they help us prioritise.",
    ),
    "under_review": (
        "Our digital team is looking into how this could work and what it would cost. We'll post an update by the end of {month}.",
        "We're reviewing this with the teams involved. There are some system limits we need to check first.",
        "This is under review. We're talking to a few people who commented here to understand the problem better.",
    ),
    "planned": (
        "Good news: this is on our roadmap and is planned for the second half of next year.",
        "We've planned this work and expect to start design in {month}. We'll update this post when it begins.",
        "This has been approved and added to our plan for the next financial year.",
    ),
    "in_progress": (
        "Work on this has started. We're testing an early version with a small group of users now.",
        "This is in progress. We expect a trial to start in {month}, and we'll share the details here.",
        "Our team is building this now. If you'd like to help test it, look for the invitation in your online account.",
    ),
    "implemented": (
        "This is now live. You can find it at https://example.gov.au/updates/whats-new.",
        "We've released this change. Thanks to everyone who suggested it; details are at https://example.gov.au/updates.",
        "Done! This went live in {month}. Please let us know if anything isn't working as expected.",
    ),
    "declined": (
        "After careful review, we can't do this at the moment because of legal requirements about how we verify identity. We've explained the details at https://example.gov.au/updates/why-not.",
        "We've decided not to go ahead with this for now. The cost is high compared to other changes that would help more people, but we'll revisit it next year.",
        "Unfortunately this isn't something we can change, as it's set by legislation rather than by us.",
    ),
}

RESPONSE_CLOSERS = (
    "",
    "We'll keep this thread updated.",
    "Thanks again for helping us improve.",
    "Please keep the feedback coming.",
)
