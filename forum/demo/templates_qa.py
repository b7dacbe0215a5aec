"""Plain template data for demo questions and answers (no logic, no imports).

Every string may contain ``{slot}`` placeholders.  Slots are filled from the
family's own ``slots`` first, then from :data:`SLOTS`; ``{agency}``,
``{the_agency}``, ``{agency_short}`` and ``{phone}`` come from the agency the
question is about (families with no agency must not use them).

Nothing here may look like personal information: no tax file or health-card
numbers, no personal phone numbers (only 13 / 1300 / 1800 service numbers), no
street addresses with house numbers, no dates of birth, no email addresses.
"""

# --------------------------------------------------------------------------
# Shared slot pools
# --------------------------------------------------------------------------

SLOTS = {
    "month": (
        "January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December",
    ),
    "weeks": ("two", "three", "four", "five", "six", "seven", "eight"),
    "days": ("three", "four", "five", "eight", "ten", "twelve"),
    "amount": (
        "$84", "$142.50", "$236", "$318.40", "$455", "$612", "$780",
        "$1,040", "$1,275", "$1,960", "$2,310", "$3,480", "$4,150",
    ),
    "fine_amount": ("$98", "$116", "$137", "$162", "$205", "$281", "$344"),
    "percent": ("4%", "6%", "7.5%", "9%", "11%", "14%"),
    "state": (
        "NSW", "Victoria", "Queensland", "WA", "South Australia",
        "Tasmania", "the ACT", "the NT",
    ),
    "state2": (
        "Queensland", "Victoria", "NSW", "WA", "Tasmania",
        "South Australia", "the ACT",
    ),
    "device": (
        "iPhone", "Android phone", "laptop", "work computer", "tablet",
        "old desktop PC",
    ),
    "browser": ("Chrome", "Firefox", "Safari", "Edge"),
    "document": (
        "birth certificate", "citizenship certificate", "driver licence",
        "marriage certificate", "change of name certificate",
        "overseas passport", "visa grant letter",
    ),
    "relative": (
        "my mum", "my dad", "my nan", "my grandfather", "my partner",
        "my elderly neighbour", "my brother", "my aunt",
    ),
    "payment": (
        "Family Support Payment", "Work Seeker Allowance",
        "Carer Support Payment", "Age Support Pension", "Study Allowance",
        "Parenting Support Payment", "Disability Support Payment",
    ),
    "country": (
        "Japan", "the UK", "New Zealand", "Vietnam", "Greece", "India",
        "the US", "Fiji", "Italy", "Indonesia", "Canada", "the Philippines",
    ),
    "time_of_day": (
        "first thing in the morning", "straight after lunch",
        "late in the afternoon", "on a Wednesday morning",
        "right when the lines open",
    ),
    "wait": (
        "45 minutes", "over an hour", "nearly two hours", "an hour and a half",
        "about 50 minutes",
    ),
}

# --------------------------------------------------------------------------
# Generic pieces used around the family-specific text
# --------------------------------------------------------------------------

GREETINGS = (
    "Hi all.",
    "Hoping someone here can help.",
    "First time posting here.",
    "Long-time reader, first post.",
    "Hi everyone, bit of a frustrating one.",
    "Hello, hoping for some advice.",
    "Not sure if this is the right place to ask.",
)

CLOSERS = (
    "Thanks in advance.",
    "Any advice appreciated.",
    "Thanks for reading.",
    "Cheers.",
    "Really appreciate any pointers.",
    "Thanks, this has been stressing me out.",
    "Any help would be great.",
)

TRIED_HEADERS = (
    "What I've tried so far:",
    "Things I've already done:",
    "Steps I've tried:",
)

CHECKED_HEADERS = (
    "What I've already checked:",
    "For context:",
    "A few details:",
)

TITLE_PREFIXES = (
    "Quick question: ",
    "Help please: ",
    "Newbie question: ",
    "[{state}] ",
    "Advice needed: ",
    "{state}: ",
    "Confused: ",
    "Question for anyone who's been through this: ",
)

TITLE_SUFFIXES = (
    " (urgent)",
    " - anyone else?",
    " - thanks in advance",
    " - any ideas?",
    " - need help",
    " - what are my options",
    " (first time dealing with this)",
    " - help!",
)

ANSWER_EXPERIENCES = (
    "I had the same problem last {month}.",
    "Same thing happened to me a while back.",
    "I volunteer at a community legal centre and we see this a lot.",
    "Went through exactly this earlier in the year.",
    "I help my parents with this kind of thing all the time.",
    "This caught me out too.",
    "I had the same problem, what worked was fairly simple in the end.",
)

ANSWER_STEP_HEADERS = (
    "This is what worked for me:",
    "Here's what I'd do:",
    "Steps that sorted it out for me:",
    "Try this in order:",
)

ANSWER_LINK_LINES = (
    "More info here: {link}",
    "The official page is {link} if you want to double-check.",
    "There's a guide at {link} that walks through it.",
    "Worth reading {link} before you call.",
)

ANSWER_SIGNOFFS = (
    "Hope that helps!",
    "Good luck.",
    "Hope you get it sorted.",
    "Let us know how you go.",
    "",
    "",
)

AGENCY_STAFF_OPENERS = (
    "Hi, {agency} online team here.",
    "Thanks for posting. I work in the digital services team at {the_agency}.",
    "Hi there, replying on behalf of {the_agency}.",
)

AGENCY_STAFF_CLOSERS = (
    "If that doesn't work, call us on {phone} ({hours}) and we can look at your record.",
    "If you're still stuck, our team on {phone} can help ({hours}).",
    "Please don't post any personal details here; call {phone} if you need us to look into your case.",
)

UNHELPFUL_ANSWERS = (
    "Same problem here, following this thread.",
    "+1, it's been {weeks} weeks for me too.",
    "Did you ever sort this out? I'm in the same boat.",
    "Good luck, in my experience nobody ever answers the phone.",
    "I think it depends on which state you're in, but I'm not really sure.",
    "Honestly the whole system is a mess. Sorry, not much help.",
    "Have you tried asking at your local service centre?",
    "Following. Would love to know the answer too.",
    "I gave up on this and just went in person, took half a day.",
    "Not sure, but I read somewhere it's faster if you use the app.",
    "Bump - same issue since {month}.",
)

GENERIC_TIPS = (
    "Calling {time_of_day} usually means a much shorter queue.",
    "Keep a note of the date, time and name of everyone you speak to, it helps a lot if you need to escalate.",
    "Use the secure message option in your online account so there's a written record.",
    "Check your online account inbox as well as your email, letters often only go there.",
    "Ask for a receipt or reference for any call, then quote it next time.",
    "If the website keeps timing out, try a different browser or clear your cache first.",
)

HOURS = ("8am to 5pm weekdays", "8am to 8pm weekdays", "9am to 5pm, Monday to Friday")

# --------------------------------------------------------------------------
# Question families
# --------------------------------------------------------------------------
# agencies: () means the question concerns no agency.  Several agencies means
# the family is shared and the agency is picked per question.

TAX = ("national-tax-office",)
PAYMENTS = ("services-payments-agency",)
TRANSPORT = ("state-transport-registry",)
COUNCIL = ("riverside-city-council",)
HEALTH = ("health-cover-agency",)
PASSPORTS = ("passport-office",)
ALL_AGENCIES = TAX + PAYMENTS + TRANSPORT + COUNCIL + HEALTH + PASSPORTS

QUESTION_FAMILIES = (
    # ------------------------------------------------------------- tax office
    {
        "topic": "tax-refund-delayed",
        "agencies": TAX,
        "titles": (
            "Tax refund still processing after {weeks} weeks - is this normal?",
            "My tax return has said 'processing' for {weeks} weeks, when will the refund come?",
            "Lodged my tax return in {month} and still no refund",
            "How long are tax refunds taking this year?",
            "Tax refund stuck on 'in progress' - who do I chase?",
            "Refund of about {amount} from my tax return hasn't arrived yet",
            "Still waiting on my tax refund from {month}",
            "No tax refund yet and the status hasn't changed in {weeks} weeks",
            "Tax refund of {amount} held up - anyone else waiting this long?",
        ),
        "context": (
            "I lodged my tax return online in {month} and the status has said 'in progress - processing' ever since.",
            "My tax agent lodged my return in {month} and I was expecting a refund of around {amount}. It still hasn't arrived.",
            "I did my own tax return through the online account this year and the refund still hasn't come through after {weeks} weeks.",
        ),
        "details": (
            "Last year the refund came through in under two weeks.",
            "There's no message in my online account asking for more information.",
            "I haven't changed my bank details since last year.",
        ),
        "asks": (
            "Is there anything I can do to speed up the refund, or do I just wait?",
            "At what point is it worth calling the tax office about a refund?",
            "Has anyone had their return held for a manual review, and how long did it take?",
        ),
        "tried": (
            "Checked the progress tracker in my online account",
            "Confirmed my bank details are correct",
            "Waited on hold for {wait} before giving up",
            "Asked my tax agent, who said to wait",
        ),
        "tags": ("tax-return", "refunds"),
        "extra_tags": ("waiting-times", "online-account"),
        "tips": (
            "Returns picked for a manual check can take up to 30 business days, so if you're under that it's usually just the queue.",
            "Check the Messages tab in your online account; they sometimes ask for extra income details and the return sits there until you reply.",
            "If it's past 30 business days, call {phone} and ask whether the return is held for review.",
            "Make sure every income statement from your employer is marked 'tax ready', otherwise the return can be held.",
        ),
        "links": ("refunds/where-is-my-refund", "lodging/processing-times"),
    },
    {
        "topic": "tax-amend-return",
        "agencies": TAX,
        "titles": (
            "How do I fix a mistake in my tax return after lodging?",
            "Forgot to include {income_item} in my tax return - can I amend it?",
            "Amending a lodged tax return - will I get a penalty?",
            "Left out {income_item} on my return, how do I add it now?",
            "Made an error on my tax return, what's the process to correct it?",
            "Need to amend my tax return to add {income_item}",
            "Tax office amendment for {income_item} - how long does it take?",
        ),
        "context": (
            "I lodged my tax return in {month} and have just realised I left out {income_item}.",
            "My return was processed and I got the refund, but I've now noticed I forgot {income_item}.",
        ),
        "details": (
            "It's not a big amount, maybe {amount}, but I want to do the right thing.",
            "I'm worried this will trigger an audit or a fine.",
        ),
        "asks": (
            "Can I amend the return myself online or do I need a tax agent?",
            "Will I have to pay interest or a penalty for amending?",
            "How long does an amended return usually take to process?",
        ),
        "tried": (
            "Looked for an 'amend' button in the online account",
            "Read the help page on correcting returns",
            "Gathered the missing statement from my bank",
        ),
        "slots": {
            "income_item": (
                "interest from a savings account", "income from a second job",
                "some freelance income", "dividends from a few shares",
                "my work-from-home expenses", "a donation receipt",
            ),
        },
        "tags": ("tax-return", "amendments"),
        "extra_tags": ("online-account", "penalties"),
        "tips": (
            "You can amend it yourself: in the online account go to Tax > Lodgments > Income tax, pick the year and choose 'Amend'.",
            "If you amend voluntarily before they contact you, penalties are usually waived for honest mistakes.",
            "Amendments generally take around 30 business days, sometimes longer at peak time.",
            "Keep the statement for the missing income with your records in case they ask for it.",
        ),
        "links": ("lodging/amend-a-return", "lodging/correcting-mistakes"),
    },
    {
        "topic": "tax-debt-payment-plan",
        "agencies": TAX,
        "titles": (
            "Can I set up a payment plan for a tax bill of {amount}?",
            "Got a tax bill I can't pay in one go - payment plan options?",
            "Tax debt after a side job - how do payment plans work?",
            "Owe the tax office {amount}, will they let me pay it off monthly?",
            "Tax bill of {amount} due in {month} - can I pay in instalments?",
            "First time owing tax ({amount}), what are my options?",
        ),
        "context": (
            "My notice of assessment says I owe {amount} because not enough tax was withheld at my second job.",
            "I got a tax bill of {amount} this year and there's no way I can pay it by the due date.",
        ),
        "details": (
            "I'm on a tight budget and can probably manage small fortnightly amounts.",
            "The due date is at the end of {month}.",
        ),
        "asks": (
            "Can I set up a payment plan online, and is there interest?",
            "Will a payment plan affect my credit rating?",
            "What happens if I miss a payment on the plan?",
        ),
        "tried": (
            "Logged in to the online account to look for payment options",
            "Read the notice of assessment again",
            "Asked my employer to increase withholding",
        ),
        "tags": ("tax-debt", "payment-plans"),
        "extra_tags": ("tax-return", "online-account"),
        "tips": (
            "For debts under $100,000 you can set up a plan yourself in the online account under Tax > Accounts and payments.",
            "Interest does still accrue on a plan, but it's lower than letting the debt sit unpaid.",
            "If you can't meet the plan, call {phone} before you miss a payment and ask to vary it.",
            "Ask your employer to withhold extra from the second job so it doesn't happen again next year.",
        ),
        "links": ("debts/payment-plans",),
    },
    {
        "topic": "study-loan-repayment",
        "agencies": TAX,
        "titles": (
            "Study loan repayment took most of my tax refund - why?",
            "Why is my study loan balance higher after I made a repayment?",
            "Compulsory study loan repayment - can I get it back?",
            "How is the study loan repayment worked out on my return?",
            "Study loan took {amount} from my refund, is that right?",
            "Study loan repayment threshold - why am I paying now?",
        ),
        "context": (
            "I was expecting a refund of about {amount} but almost all of it went to my study loan.",
            "I finished uni a few years ago and this is the first year my income went over the repayment threshold.",
        ),
        "details": (
            "My employer didn't tick the study loan box on my tax declaration.",
            "The balance also went up in June because of indexation.",
        ),
        "asks": (
            "Is this normal, and is there anything I should change for next year?",
            "Can I ask for the repayment to be reversed if I'm struggling financially?",
        ),
        "tried": (
            "Checked my study loan balance online",
            "Looked at last year's notice of assessment",
            "Asked payroll about my withholding",
        ),
        "tags": ("study-loan", "tax-return"),
        "extra_tags": ("refunds",),
        "tips": (
            "Tell your employer you have a study loan so they withhold extra each pay; then it won't come out of your refund.",
            "Indexation is applied every June, so the balance can go up even if you paid some off.",
            "You can apply to defer a compulsory repayment if paying it would cause serious hardship.",
        ),
        "links": ("study-loans/repayments", "study-loans/deferring-a-repayment"),
    },
    {
        "topic": "side-business-registration",
        "agencies": TAX,
        "titles": (
            "Do I need a business number for a small side business?",
            "Selling {craft} at weekend markets - do I need to register?",
            "Starting a little side hustle doing {craft}, what tax registrations do I need?",
            "Hobby or business? I make a bit of money from {craft}",
            "Making about {amount} a month from {craft} - do I need to register for tax?",
            "Registering a business number for {craft} on the side",
        ),
        "context": (
            "I've started making a bit of money from {craft} on weekends, maybe {amount} a month.",
            "My partner and I want to start selling {craft} online and at markets.",
        ),
        "details": (
            "I still have a full-time job, this is just extra.",
            "Some customers have asked if I can give them an invoice.",
        ),
        "asks": (
            "At what point does a hobby become a business for tax purposes?",
            "Do I need to register for GST straight away?",
        ),
        "tried": (
            "Read the business registration pages",
            "Used the online 'are you in business' checker",
        ),
        "slots": {
            "craft": (
                "handmade candles", "pottery", "dog treats", "custom cakes",
                "vintage clothes", "bike repairs", "garden care",
            ),
        },
        "tags": ("small-business", "registration"),
        "extra_tags": ("gst", "tax-return"),
        "tips": (
            "Registering for a business number is free and takes about ten minutes online.",
            "You only have to register for GST once your turnover reaches $75,000 a year.",
            "Keep receipts for materials from day one, you can claim them against the income.",
        ),
        "links": ("business/starting-a-business", "business/hobby-or-business"),
    },
    {
        "topic": "work-from-home-deductions",
        "agencies": TAX,
        "titles": (
            "What records do I need to claim working from home?",
            "Working from home deduction - fixed rate or actual costs?",
            "Claiming home office expenses for the first time, what do I keep?",
            "How do I prove my work-from-home hours for the tax return?",
            "Working from home {wfh_days} - what can I claim?",
            "Work-from-home deduction records: is a spreadsheet enough?",
        ),
        "context": (
            "I started working from home {wfh_days} after changing jobs this year.",
            "I work from home {wfh_days} and have never claimed anything before.",
        ),
        "details": (
            "I bought a desk and a monitor in {month}.",
            "My employer doesn't reimburse any of the internet or power.",
        ),
        "asks": (
            "What records do I need to keep so the claim is accepted?",
            "Is the fixed rate method better than working out actual costs?",
        ),
        "tried": (
            "Started a spreadsheet of hours",
            "Saved my power and internet bills",
        ),
        "slots": {
            "wfh_days": (
                "three days a week", "two days a week", "most days",
                "every Monday and Friday",
            ),
        },
        "tags": ("deductions", "tax-return"),
        "extra_tags": ("working-from-home",),
        "tips": (
            "For the fixed rate method you need a record of actual hours worked from home for the whole year, like a timesheet or diary.",
            "Equipment over $300 such as a desk has to be depreciated over a few years rather than claimed in one go.",
            "Keep one bill for each running expense you claim, even with the fixed rate.",
        ),
        "links": ("deductions/working-from-home",),
    },
    {
        "topic": "notice-of-assessment-copy",
        "agencies": TAX,
        "titles": (
            "Where do I find my notice of assessment for a home loan application?",
            "Bank wants my last two notices of assessment, how do I get them?",
            "Can't find my notice of assessment in the online account",
            "How do I download an old notice of assessment?",
            "Need a copy of my notice of assessment by the end of {month}",
            "Mortgage broker wants notices of assessment - where are they online?",
        ),
        "context": (
            "My mortgage broker needs my notices of assessment for the last two years.",
            "I'm applying for a rental and the agent asked for a notice of assessment as proof of income.",
        ),
        "details": (
            "I never received a paper copy.",
            "One of the years was lodged by an accountant I no longer use.",
        ),
        "asks": (
            "Where are they kept in the online account?",
            "Can the tax office post me a copy instead?",
        ),
        "tried": (
            "Searched my email for the notice",
            "Looked under the Communication section online",
        ),
        "tags": ("tax-return", "documents"),
        "extra_tags": ("online-account",),
        "tips": (
            "In the online account go to Communication > History and filter by 'Notice of assessment'.",
            "If the year was lodged by an agent, they can download a copy for you too.",
            "You can also ask for a posted copy by calling {phone}, it takes about two weeks.",
        ),
        "links": ("online-account/find-your-notices",),
    },
    # ------------------------------------------------------ payments agency
    {
        "topic": "payment-delayed-bank-details",
        "agencies": PAYMENTS,
        "titles": (
            "Payment delayed after I updated my bank details - how long does it take?",
            "Changed bank accounts and my {payment} didn't arrive",
            "{payment} missing after switching banks, anyone else?",
            "Updated my bank details and now my payment is late",
            "How long after changing bank details does the payment come through?",
            "{payment} not paid after changing bank details, {days} days late",
            "New bank account, now my {payment} is missing",
        ),
        "context": (
            "I changed my bank account in the online account on {weekday} and my {payment} was due the next day, but nothing arrived.",
            "I switched banks in {month} and updated my details straight away, but this fortnight's {payment} is {days} days late.",
        ),
        "details": (
            "The old account is now closed.",
            "The online account shows the payment as 'issued'.",
            "I rely on this payment for rent.",
        ),
        "asks": (
            "How long does it usually take for the payment to come back and be re-sent?",
            "Is there a way to get an urgent payment while I wait?",
            "Who do I actually need to chase, my bank or the agency?",
        ),
        "tried": (
            "Checked the new bank details are entered correctly",
            "Called my old bank",
            "Sent a secure message in the online account",
            "Waited on hold for {wait}",
        ),
        "slots": {
            "weekday": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday"),
        },
        "tags": ("payments", "bank-details"),
        "extra_tags": ("online-account", "waiting-times"),
        "tips": (
            "If the old account was closed, the bank bounces the payment back and it's usually re-issued within three to five business days.",
            "Bank detail changes made less than two days before payday often miss that payment run.",
            "If you're in hardship, ask for an urgent payment; they can sometimes release it the same day.",
            "Check the payment history page, if it says 'returned' you can ask them to re-issue it to the new account.",
        ),
        "links": ("payments/update-bank-details", "payments/missing-payment"),
    },
    {
        "topic": "income-reporting",
        "agencies": PAYMENTS,
        "titles": (
            "How do I report income when my hours change every fortnight?",
            "Casual work and {payment} - how do I report my earnings?",
            "Do I report gross or net pay for my fortnightly report?",
            "Reported my income wrong last fortnight, how do I fix it?",
            "Reporting casual income from a {workplace} job on {payment}",
            "Income reporting question: shifts at a {workplace} paid monthly",
        ),
        "context": (
            "I've started casual work at a {workplace} and my hours are different every week.",
            "I get {payment} and just picked up some shifts at a {workplace}.",
        ),
        "details": (
            "My pay period doesn't line up with the reporting fortnight.",
            "Last fortnight I think I reported what I was paid instead of what I earned.",
        ),
        "asks": (
            "Do I report what I earned in the period or what was paid into my account?",
            "If I got it wrong, will I end up with a debt?",
        ),
        "tried": (
            "Read the reporting guide online",
            "Asked my manager for my payslips",
            "Used the app to report",
        ),
        "slots": {
            "workplace": (
                "supermarket", "cafe", "warehouse",
                "childcare centre", "hardware store", "nursing home",
            ),
        },
        "tags": ("payments", "income-reporting"),
        "extra_tags": ("debts",),
        "tips": (
            "Report your gross earnings for the hours you worked in that fortnight, not what landed in your bank.",
            "If your payslip covers a different period, split the hours and multiply by your hourly rate.",
            "You can correct a past report online under Employment income > Update, which stops a debt building up.",
        ),
        "links": ("payments/reporting-income",),
    },
    {
        "topic": "overpayment-debt-letter",
        "agencies": PAYMENTS,
        "titles": (
            "Got a letter saying I owe {amount} - I don't understand why",
            "Debt notice from the payments agency, how do I dispute it?",
            "Overpayment debt of {amount} for something from years ago?",
            "Received a debt letter after my payment stopped, is this right?",
            "{payment} overpayment of {amount} - how do I ask for a review?",
            "Debt letter for {amount} - can I dispute it?",
        ),
        "context": (
            "I got a letter saying I was overpaid {payment} and now owe {amount}.",
            "A debt notice for {amount} turned up in my online account with no real explanation.",
        ),
        "details": (
            "I always reported my income on time.",
            "The letter refers to a period from a few years ago.",
        ),
        "asks": (
            "How do I ask for an explanation and a review of the debt?",
            "Can I pay it off slowly while it's being reviewed?",
        ),
        "tried": (
            "Read the letter three times",
            "Called and was told to wait for a callback",
            "Downloaded my payment history",
        ),
        "tags": ("payments", "debts"),
        "extra_tags": ("reviews", "complaints"),
        "tips": (
            "Ask for a formal explanation of the debt calculation; they have to provide one.",
            "You can request a review by an independent officer, and ask for recovery to be paused while it's reviewed.",
            "Free legal help is available from welfare rights centres, they deal with these letters every day.",
            "If you agree with the debt, repayment arrangements can be as low as a few dollars a fortnight.",
        ),
        "links": ("payments/debts-and-reviews", "payments/request-a-review"),
    },
    {
        "topic": "change-of-circumstances",
        "agencies": PAYMENTS,
        "titles": (
            "Moved in with my partner - do I need to tell the payments agency?",
            "What counts as a change of circumstances for {payment}?",
            "Started a new job, how do I update my circumstances?",
            "How soon do I have to report a change in my living situation?",
            "Do I have to report a change of circumstances on {payment}?",
            "Change of circumstances: new partner moving in, on {payment}",
        ),
        "context": (
            "I'm on {payment} and my partner is about to move in with me.",
            "I've just started a new job and my {payment} will probably be affected.",
        ),
        "details": (
            "We've only been together for a few months.",
            "I don't want to end up with a debt later.",
        ),
        "asks": (
            "How long do I have to report the change?",
            "Will my payment stop straight away?",
        ),
        "tried": (
            "Looked through the 'changes to report' list",
            "Started the update online but wasn't sure which option to pick",
        ),
        "tags": ("payments", "change-of-circumstances"),
        "extra_tags": ("online-account",),
        "tips": (
            "Most changes need to be reported within 14 days, you can do it online under 'My circumstances'.",
            "Reporting early is better even if you're unsure; they'll tell you if it changes anything.",
            "Ask for a written explanation of the new rate so you can check it's right.",
        ),
        "links": ("payments/changes-to-report",),
    },
    {
        "topic": "concession-card",
        "agencies": PAYMENTS,
        "titles": (
            "How do I get a concession card and what does it cover?",
            "Concession card hasn't arrived after {weeks} weeks",
            "Can I use a digital concession card instead of the plastic one?",
            "Am I eligible for a concession card on {payment}?",
            "Still no concession card since {month}",
            "Concession card for {payment} recipients - how do I get one?",
        ),
        "context": (
            "I was granted {payment} in {month} but never received a concession card.",
            "I've heard a concession card can help with council rates and transport, but I'm not sure how to get one.",
        ),
        "details": (
            "I need it to get the discount on my power bill.",
            "The pharmacy asked me for it last week.",
        ),
        "asks": (
            "Is there a way to show proof of concession while I wait?",
            "Do I have to apply separately for it?",
        ),
        "tried": (
            "Checked the address in my online account",
            "Looked in the app for a digital card",
        ),
        "tags": ("concession-card", "payments"),
        "extra_tags": ("online-account",),
        "tips": (
            "You can add a digital version of the card in the app under Cards, it's accepted by most pharmacies.",
            "You can also print a proof of concession statement from the online account while the card is in the mail.",
            "Cards are mailed to your postal address, so check that's up to date rather than your home address.",
        ),
        "links": ("payments/concession-cards",),
    },
    {
        "topic": "carer-payment-claim-wait",
        "agencies": PAYMENTS,
        "titles": (
            "Carer payment claim lodged {weeks} weeks ago, no decision yet",
            "How long is the Carer Support Payment claim taking at the moment?",
            "Still waiting on my carer claim - is there any way to check progress?",
            "Carer claim for {relative} stuck on 'in progress'",
            "Carer Support Payment claim from {month} still in progress",
            "Waiting {weeks} weeks on a carer payment decision for {relative}",
        ),
        "context": (
            "I lodged a claim for Carer Support Payment to look after {relative} {weeks} weeks ago.",
            "I gave up work to care for {relative} and applied for carer payment in {month}.",
        ),
        "details": (
            "The doctor's report was uploaded the same day.",
            "Money is getting really tight.",
        ),
        "asks": (
            "Is this a normal wait, and can I ask for it to be prioritised?",
            "Will the payment be backdated to when I applied?",
        ),
        "tried": (
            "Checked the claim status in the app",
            "Uploaded the medical report again",
            "Called and was told it's in the queue",
        ),
        "tags": ("carer-payment", "claims"),
        "extra_tags": ("waiting-times", "payments"),
        "tips": (
            "Carer claims are currently taking around ten to twelve weeks, and payments are generally backdated to the claim date.",
            "If you're in financial hardship, say so when you call; claims can be prioritised.",
            "Make sure the care receiver's part of the claim has been lodged too, the claim can't be assessed without it.",
        ),
        "links": ("payments/carer-payment", "payments/claim-processing-times"),
    },
    {
        "topic": "payments-appointment-by-phone",
        "agencies": PAYMENTS,
        "titles": (
            "Can I do my payments appointment by phone instead of in person?",
            "Appointment letter says I have to come in - can I change it to a phone call?",
            "How do I reschedule a payments agency appointment?",
            "Missed my appointment because of work - will my payment stop?",
            "Payments appointment clashes with work in {month} - can I move it?",
            "Phone appointment instead of visiting the payments office?",
        ),
        "context": (
            "I got a letter for an appointment on a weekday at the local service centre.",
            "My appointment clashes with a shift I can't swap.",
        ),
        "details": (
            "I don't have a car and the office is two buses away.",
            "I have a newborn at home which makes getting in hard.",
        ),
        "asks": (
            "Is it possible to do it by phone or video instead?",
            "How much notice do I need to give to move the appointment?",
        ),
        "tried": (
            "Looked in the app for a reschedule option",
            "Called but got a busy signal",
        ),
        "tags": ("appointments", "payments"),
        "extra_tags": ("accessibility",),
        "tips": (
            "Most appointments can be moved in the app under Appointments > Change, as long as it's before the appointment time.",
            "Ask for a phone appointment; they're offered for most interviews unless they need to sight original documents.",
            "If you miss one, get in touch within two days and your payment usually won't be affected.",
        ),
        "links": ("payments/appointments",),
    },
    # ---------------------------------------------------- transport registry
    {
        "topic": "licence-renewal",
        "agencies": TRANSPORT,
        "titles": (
            "How early can I renew my driver licence?",
            "Licence expires in {month} but I'll be overseas - can I renew early?",
            "Do I need a new photo to renew my driver licence?",
            "Driver licence renewal online keeps failing",
            "Renewing my licence - do I have to go into a service centre?",
            "Driver licence renewal while in {country} in {month}",
            "Licence renewal due in {month} - online or in person?",
        ),
        "context": (
            "My driver licence expires in {month} and I'll be in {country} for most of that month.",
            "I got a reminder that my licence is due for renewal, but the online form keeps sending me to a service centre.",
        ),
        "details": (
            "My photo is more than ten years old.",
            "I have a medical condition that I declared last time.",
        ),
        "asks": (
            "How early can I renew, and can it be done fully online?",
            "If it expires while I'm away, can I still drive when I get back?",
        ),
        "tried": (
            "Tried the online renewal twice",
            "Checked the eligibility rules on the website",
        ),
        "tags": ("licence-renewal", "drivers-licence"),
        "extra_tags": ("appointments", "online-account"),
        "tips": (
            "You can renew up to six months before expiry.",
            "If your photo is older than ten years you have to go in person for a new one; book the appointment online to skip the queue.",
            "If you declared a medical condition, online renewal is blocked until a new medical report is on file.",
        ),
        "links": ("licences/renew", "licences/renew-from-overseas"),
    },
    {
        "topic": "rego-renewal-notice",
        "agencies": TRANSPORT,
        "titles": (
            "Never got my rego renewal notice - am I still covered?",
            "Car registration expired without a reminder, what now?",
            "How do I renew rego if I lost the renewal notice?",
            "Rego renewal reminder never arrived this year",
            "Rego expired in {month}, no renewal notice - what do I do?",
            "Missed my rego renewal because the notice never came",
        ),
        "context": (
            "I just realised my car registration expired at the end of {month} and I never got a renewal notice.",
            "The renewal notice for my rego never arrived, and I've been driving for a week since it expired.",
        ),
        "details": (
            "I moved house earlier this year and might not have updated my address.",
            "I usually get the reminder by email.",
        ),
        "asks": (
            "Can I renew online straight away without the notice?",
            "Am I uninsured if the rego has lapsed?",
        ),
        "tried": (
            "Searched my inbox and junk folder",
            "Tried to log in to renew online",
        ),
        "tags": ("vehicle-registration", "renewals"),
        "extra_tags": ("change-of-address",),
        "tips": (
            "You don't need the notice; you can renew online with just your number plate.",
            "There's usually a short grace period, but don't drive an unregistered car, the compulsory insurance lapses with it.",
            "Turn on email or SMS reminders in your online account so it doesn't happen again.",
        ),
        "links": ("registration/renew", "registration/reminders"),
    },
    {
        "topic": "demerit-points",
        "agencies": TRANSPORT,
        "titles": (
            "How do I check how many demerit points I have?",
            "Close to losing my licence on demerit points, what are my options?",
            "When do demerit points expire?",
            "Got a speeding fine - how many demerit points will I lose?",
            "Demerit points after a {fine_amount} speeding fine",
            "How many demerit points before I lose my licence in {state}?",
        ),
        "context": (
            "I got a speeding fine in {month} and I'm worried I'm close to the limit.",
            "I drive for work and can't afford to lose my licence.",
        ),
        "details": (
            "I had another fine about two years ago.",
            "I'm on a provisional licence.",
        ),
        "asks": (
            "Where can I check my current demerit points?",
            "Is there a good behaviour option instead of a suspension?",
        ),
        "tried": (
            "Looked in the online account",
            "Read the fine notice",
        ),
        "tags": ("demerit-points", "fines"),
        "extra_tags": ("drivers-licence",),
        "tips": (
            "Your demerit point balance is in the online account under Licence > Demerit points.",
            "Points expire three years after the offence date, not the date you paid the fine.",
            "If you reach the limit you can usually choose a good behaviour period instead of an immediate suspension.",
        ),
        "links": ("licences/demerit-points",),
    },
    {
        "topic": "rego-transfer-private-sale",
        "agencies": TRANSPORT,
        "titles": (
            "Bought a used car privately - how do I transfer the rego?",
            "Transferring car registration into my name after a private sale",
            "Seller hasn't done their part of the rego transfer, what now?",
            "How long do I have to transfer registration after buying a car?",
            "Rego transfer after buying a car privately in {month}",
            "Private car sale: who lodges the rego transfer?",
        ),
        "context": (
            "I bought a second-hand car privately on the weekend for {amount} more than I planned.",
            "I've just bought my first car from a private seller.",
        ),
        "details": (
            "The seller gave me the paperwork but I'm not sure they lodged their part.",
            "The rego still has a few months left on it.",
        ),
        "asks": (
            "How do I transfer the rego and how long do I have?",
            "Do I pay stamp duty at the same time?",
        ),
        "tried": (
            "Tried the online transfer form",
            "Asked the seller to confirm they submitted the disposal",
        ),
        "tags": ("vehicle-registration", "transfers"),
        "extra_tags": ("fees",),
        "tips": (
            "You have 14 days to transfer registration after buying the car, or a late fee applies.",
            "The seller has to lodge a notice of disposal first; if they haven't, you can still transfer it in person with the signed form.",
            "Stamp duty is calculated on the price or market value and paid as part of the transfer.",
        ),
        "links": ("registration/transfer", "registration/buying-a-used-car"),
    },
    {
        "topic": "overseas-licence-conversion",
        "agencies": TRANSPORT,
        "titles": (
            "Converting my {country} driver licence - do I need to sit a test?",
            "How long can I drive on an overseas licence?",
            "Overseas licence conversion - which documents do I need?",
            "Moved here from {country}, how do I get a local driver licence?",
            "Driving on my {country} licence - when do I need to convert?",
            "Overseas licence from {country}: test or straight conversion?",
        ),
        "context": (
            "I moved here from {country} in {month} and have been driving on my overseas licence.",
            "I have a full driver licence from {country} and just got permanent residency.",
        ),
        "details": (
            "My licence isn't in English.",
            "I've been driving for over ten years.",
        ),
        "asks": (
            "Do I need to do a knowledge test or driving test to convert it?",
            "How long can I keep driving on the overseas licence?",
        ),
        "tried": (
            "Checked the list of recognised countries",
            "Looked for an appointment online",
        ),
        "tags": ("drivers-licence", "overseas-licence"),
        "extra_tags": ("appointments", "identity-check"),
        "tips": (
            "Licences from recognised countries can usually be converted without a driving test, just an eyesight test.",
            "You can drive on an overseas licence for up to three months after getting permanent residency.",
            "Bring an official English translation if your licence isn't in English.",
        ),
        "links": ("licences/overseas-licences",),
    },
    {
        "topic": "driving-test-booking",
        "agencies": TRANSPORT,
        "titles": (
            "No driving test bookings for months near me - any tips?",
            "Earliest driving test available is in {month}, is that normal?",
            "How do people get earlier driving test slots?",
            "Driving test booking system keeps showing no availability",
            "Driving test waiting list until {month} - any way to get in earlier?",
            "Can't find a driving test booking anywhere in {state}",
        ),
        "context": (
            "My son has done all his logbook hours but the earliest driving test near us is in {month}.",
            "I've been checking the driving test booking site every day and there's nothing for months.",
        ),
        "details": (
            "We live in a regional area and the nearest other centre is an hour away.",
            "He's starting an apprenticeship that needs a licence.",
        ),
        "asks": (
            "Do cancellations come up, and when are they released?",
            "Is there any priority for people who need a licence for work?",
        ),
        "tried": (
            "Checked the booking site every morning",
            "Looked at other test centres",
            "Asked the driving school for advice",
        ),
        "tags": ("driving-test", "appointments"),
        "extra_tags": ("waiting-times", "bookings"),
        "tips": (
            "Cancellations are released throughout the day, but early morning is when most appear.",
            "Book the earliest available slot anyway, you can still move it if a cancellation comes up.",
            "Regional centres often have earlier slots, it can be worth the drive.",
        ),
        "links": ("licences/book-a-driving-test",),
    },
    {
        "topic": "licence-change-of-address",
        "agencies": TRANSPORT,
        "titles": (
            "Moved house - do I need a new licence card?",
            "How do I update my address on my driver licence?",
            "Changed address online but my licence still shows the old one",
            "Do I need to update my rego address too when I move?",
            "Licence address change after moving from {state}",
            "Updating my licence address in {month} - new card needed?",
        ),
        "context": (
            "I moved to a new suburb in {month} and updated my address online.",
            "We just moved from {state} and I'm not sure what to update first.",
        ),
        "details": (
            "The licence card itself still shows my old suburb.",
            "I have two cars registered in my name.",
        ),
        "asks": (
            "Do I need a new card or is the online update enough?",
            "Does updating my licence address also update my registration?",
        ),
        "tried": (
            "Updated the address in the online account",
            "Checked whether a sticker is available",
        ),
        "tags": ("change-of-address", "drivers-licence"),
        "extra_tags": ("vehicle-registration",),
        "tips": (
            "Updating online is enough; you don't need a new card until renewal unless you want one.",
            "The address update covers your licence and any vehicles registered in your name.",
            "You must update your address within 14 days of moving.",
        ),
        "links": ("licences/change-of-address",),
    },
    # ------------------------------------------------------------- council
    {
        "topic": "rates-notice-increase",
        "agencies": COUNCIL,
        "titles": (
            "Rates notice went up {percent} - how is it calculated?",
            "Why did my council rates go up so much this year?",
            "Can I object to my land valuation on the rates notice?",
            "Rates notice is much higher than my neighbours', is that right?",
            "Council rates up {percent} this year - why?",
            "Rates notice up by {amount} a year, can I object?",
        ),
        "context": (
            "Our rates notice arrived and it's gone up {percent} compared to last year.",
            "The new rates notice is about {amount} more a year than last time.",
        ),
        "details": (
            "Nothing has changed on our property.",
            "We're pensioners, so any increase really hurts.",
        ),
        "asks": (
            "How are rates actually calculated, and can I object to the valuation?",
            "Is there a pensioner rebate I might be missing?",
        ),
        "tried": (
            "Read the back of the rates notice",
            "Compared with last year's notice",
        ),
        "tags": ("rates", "rates-notice"),
        "extra_tags": ("concessions",),
        "tips": (
            "Rates are based on the land valuation set by the state valuer, not by council, so objections go to the valuer.",
            "There's a pensioner rebate but you have to apply for it, it isn't automatic.",
            "The rates notice lists the valuation objection deadline; it's usually 60 days.",
        ),
        "links": ("rates/how-rates-are-calculated", "rates/pensioner-rebate"),
    },
    {
        "topic": "rates-instalments",
        "agencies": COUNCIL,
        "titles": (
            "Can I pay my rates in monthly instalments instead of quarterly?",
            "Missed a rates instalment - will I be charged interest?",
            "Setting up direct debit for council rates",
            "Struggling to pay the rates this quarter, what are the options?",
            "Monthly rates payments instead of a big bill in {month}?",
            "Rates instalment due in {month} - can I get more time?",
        ),
        "context": (
            "Paying rates quarterly is a big hit to our budget, especially the one due in {month}.",
            "I missed the rates instalment due last month because the notice went to my old email.",
        ),
        "details": (
            "I'd much prefer smaller fortnightly amounts.",
            "I've never missed a payment before.",
        ),
        "asks": (
            "Does council offer monthly or fortnightly payment plans?",
            "Will interest be charged and can it be waived?",
        ),
        "tried": (
            "Looked at the payment options on the notice",
            "Checked the council website for payment plans",
        ),
        "tags": ("rates", "payment-plans"),
        "extra_tags": ("hardship",),
        "tips": (
            "Council offers a payment arrangement; fill in the form online and you can pay weekly, fortnightly or monthly.",
            "Interest is charged on overdue rates but hardship applications can have it waived.",
            "Direct debit can be set up through the rates portal so you don't miss instalments.",
        ),
        "links": ("rates/payment-options", "rates/financial-hardship"),
    },
    {
        "topic": "bin-missed-collection",
        "agencies": COUNCIL,
        "titles": (
            "Bin wasn't collected this week - who do I call?",
            "{bin_type} missed again, this is the third time",
            "Whole street's {bin_type} skipped on collection day",
            "How do I report a missed bin collection?",
            "My {bin_type} wasn't emptied, will they come back?",
            "Missed {bin_type} collection - will the truck come back?",
            "Council skipped our {bin_type} again this week",
        ),
        "context": (
            "Our {bin_type} was out the night before as usual but wasn't emptied on collection day.",
            "The truck went past but skipped our {bin_type}, and the neighbours' were emptied.",
        ),
        "details": (
            "It's full and starting to smell in this heat.",
            "The bin was definitely out with the lid closed and handles facing the road.",
        ),
        "asks": (
            "How do I report a missed collection, and will they come back before next week?",
            "Is there somewhere to take the rubbish in the meantime?",
        ),
        "tried": (
            "Checked the bin calendar",
            "Left it out for another day",
            "Called the council customer line",
        ),
        "slots": {
            "bin_type": (
                "red-lid rubbish bin", "yellow recycling bin", "green waste bin",
                "food and garden organics bin",
            ),
        },
        "tags": ("bins", "waste-collection"),
        "extra_tags": ("reporting",),
        "tips": (
            "Report a missed bin online within two working days and they'll usually come back the next day.",
            "If the truck driver thought the bin was contaminated, there's often a tag on the lid explaining why.",
            "Bins need to be at least half a metre apart or the truck arm can't reach them.",
        ),
        "links": ("waste/missed-bin", "waste/bin-calendar"),
    },
    {
        "topic": "bin-replacement",
        "agencies": COUNCIL,
        "titles": (
            "{bin_type} is cracked - how do I get a replacement?",
            "Our {bin_type} was stolen, does council replace it for free?",
            "Stolen or broken {bin_type} - how long for a new one?",
            "How do I order a new bin from council?",
            "Replacement {bin_type} - is there a fee?",
            "Broken {bin_type} lid, how do I get it fixed?",
        ),
        "context": (
            "The lid of our {bin_type} snapped off after collection last week.",
            "Our {bin_type} has disappeared after bin day.",
        ),
        "details": (
            "We've only lived here since {month}.",
            "It was definitely a council bin, not one we bought.",
        ),
        "asks": (
            "Is there a fee for a replacement bin, and how long does delivery take?",
            "Do I need to report it to the police if it was stolen?",
        ),
        "tried": (
            "Searched the council website for bin orders",
            "Asked the neighbours if they'd seen it",
        ),
        "slots": {
            "bin_type": (
                "red-lid rubbish bin", "yellow recycling bin", "green waste bin",
                "organics bin",
            ),
        },
        "tags": ("bins",),
        "extra_tags": ("waste-collection", "fees"),
        "tips": (
            "Damaged bins are replaced free if the truck broke them; report it through the bin request form.",
            "A larger recycling bin is free on request, but a larger rubbish bin has a yearly fee.",
            "Replacement bins are usually delivered within ten working days.",
        ),
        "links": ("waste/bin-requests",),
    },
    {
        "topic": "hard-rubbish-booking",
        "agencies": COUNCIL,
        "titles": (
            "How do I book a hard rubbish collection?",
            "Can I put a {hard_item} out for hard rubbish?",
            "Hard rubbish booking website says no dates available",
            "What can and can't go out for council hard rubbish?",
            "Hard rubbish booking for a {hard_item} and some furniture",
            "How many free hard rubbish collections do we get? Need to get rid of a {hard_item}",
        ),
        "context": (
            "We're clearing out the garage and have an old {hard_item} plus some broken furniture.",
            "I'm moving out at the end of {month} and need to get rid of a {hard_item}.",
        ),
        "details": (
            "I don't have a trailer or ute.",
            "The tip is a long way from here.",
        ),
        "asks": (
            "How many free collections do we get a year and how do I book?",
            "Is there a limit on how much can go out?",
        ),
        "tried": (
            "Tried the booking page",
            "Checked the accepted items list",
        ),
        "slots": {
            "hard_item": (
                "mattress", "fridge", "couch", "washing machine", "TV",
                "bed frame",
            ),
        },
        "tags": ("hard-rubbish", "bins"),
        "extra_tags": ("bookings",),
        "tips": (
            "Each household gets two free hard rubbish collections a year, booked online or by phone.",
            "Fridges and washing machines are fine but you need to remove the doors; paint and chemicals aren't accepted.",
            "Put items out no earlier than the night before, or you can be fined for dumping.",
        ),
        "links": ("waste/hard-rubbish",),
    },
    {
        "topic": "parking-fine-dispute",
        "agencies": COUNCIL,
        "titles": (
            "Got a parking fine when the sign was covered by a tree - how do I contest it?",
            "Parking fine of {fine_amount} for a spot I was allowed to park in?",
            "How do I ask for a review of a council parking fine?",
            "Fined for parking while the meter was broken, can I appeal?",
            "Contesting a {fine_amount} parking fine - is it worth it?",
            "{fine_amount} parking fine - sign was hidden, can I get it withdrawn?",
            "Parking fine review: meter wasn't working",
        ),
        "context": (
            "I got a {fine_amount} parking fine near the shopping strip, but the time-limit sign was hidden behind branches.",
            "I received a {fine_amount} fine for overstaying, but the parking meter wasn't working when I arrived.",
        ),
        "details": (
            "I took photos of the sign at the time.",
            "I've never had a parking fine before.",
        ),
        "asks": (
            "How do I request a review, and what evidence should I include?",
            "Do I have to pay it first while it's being reviewed?",
        ),
        "tried": (
            "Took photos of the sign and meter",
            "Read the back of the infringement notice",
        ),
        "tags": ("parking-fines", "disputes"),
        "extra_tags": ("reviews", "fines"),
        "tips": (
            "Lodge a review online before the due date and attach your photos; don't pay it, paying counts as accepting the fine.",
            "Council can withdraw or give a caution for a first offence, so mention your clean record.",
            "Report the faulty meter or hidden sign separately too, it strengthens your review.",
        ),
        "links": ("parking/fines-and-reviews",),
    },
    {
        "topic": "resident-parking-permit",
        "agencies": COUNCIL,
        "titles": (
            "How do I get a resident parking permit for a second car?",
            "Visitor parking permits - how many can we get?",
            "Resident parking permit application asking for documents I don't have",
            "Renting and need a resident parking permit, what proof do I need?",
            "Resident parking permit for a rental - proof of address?",
            "Second resident parking permit cost?",
        ),
        "context": (
            "We live on a street with two-hour parking and just bought a second car.",
            "I'm renting and my lease isn't in my name yet, so I'm not sure how to prove I live here.",
        ),
        "details": (
            "Our place has no off-street parking.",
            "My partner works shifts so we need both cars.",
        ),
        "asks": (
            "How many permits can a household get, and what does it cost?",
            "What counts as proof of residence for a permit?",
        ),
        "tried": (
            "Filled out half of the online form",
            "Checked the council fees page",
        ),
        "tags": ("permits", "parking"),
        "extra_tags": ("fees", "documents"),
        "tips": (
            "Households without off-street parking can get up to two resident permits; the second has a higher fee.",
            "A lease, a utility bill or a rates notice in your name works as proof of residence.",
            "Visitor permits are issued per household and can be requested at the same time.",
        ),
        "links": ("parking/resident-permits",),
    },
    {
        "topic": "building-permit",
        "agencies": COUNCIL,
        "titles": (
            "Do I need council approval for a {structure}?",
            "Building a {structure} in the backyard - permit or not?",
            "How long does council take to approve a {structure}?",
            "Small {structure} - is it exempt from council approval?",
            "Permit needed for a {structure} close to the fence?",
            "Council approval for a {structure} in a heritage area",
        ),
        "context": (
            "We want to put a {structure} in the backyard before summer.",
            "I'm planning a {structure} and the builder says council approval might not be needed.",
        ),
        "details": (
            "The block is fairly small and it would be close to the side fence.",
            "We're in a heritage overlay area.",
        ),
        "asks": (
            "Which kinds of structures are exempt, and how do I check?",
            "Roughly how long does an application take?",
        ),
        "tried": (
            "Read the planning guide",
            "Used the council property lookup",
        ),
        "slots": {
            "structure": (
                "garden shed", "pergola", "carport", "granny flat", "deck",
                "swimming pool", "retaining wall",
            ),
        },
        "tags": ("permits", "building"),
        "extra_tags": ("planning",),
        "tips": (
            "Small sheds and decks are often exempt if they meet size and setback rules; the council planning guide has a checklist.",
            "Heritage overlays change the rules, so call the duty planner before you start.",
            "Standard applications take around four to eight weeks if nothing is missing.",
        ),
        "links": ("planning/do-i-need-a-permit", "planning/duty-planner"),
    },
    {
        "topic": "pet-registration",
        "agencies": COUNCIL,
        "titles": (
            "Registering a rescue {pet} with council - what do I need?",
            "Is pet registration a yearly thing?",
            "Pet registration for a {pet} - what does it cost?",
            "Do I need to register a {pet} if it's microchipped?",
            "{pet} registration with council after moving to Riverside",
            "Pet registration discount for a desexed {pet}?",
        ),
        "context": (
            "We adopted a {pet} from a rescue group in {month}.",
            "I just moved to Riverside and my {pet} is registered with my old council.",
        ),
        "details": (
            "The {pet} is desexed and microchipped.",
            "I'm on a concession card.",
        ),
        "asks": (
            "How do I register and is there a discount for desexed animals?",
            "Does registration transfer between councils?",
        ),
        "tried": (
            "Looked for the form on the council website",
            "Checked the microchip details are up to date",
        ),
        "slots": {"pet": ("dog", "cat", "greyhound", "kitten")},
        "tags": ("pet-registration", "permits"),
        "extra_tags": ("fees", "concessions"),
        "tips": (
            "Registration is renewed every year by the renewal date on your notice, and can be paid online.",
            "Desexed animals and concession card holders get a big discount, upload the certificate with the form.",
            "Registration doesn't transfer between councils, but the microchip record stays the same.",
        ),
        "links": ("pets/registration",),
    },
    {
        "topic": "tree-removal-permit",
        "agencies": COUNCIL,
        "titles": (
            "Need to remove a tree in my backyard - do I need a permit?",
            "Council street tree dropping branches on my car, who fixes it?",
            "Gum tree dropping branches - can I remove it?",
            "How do I find out if a tree on my property is protected?",
            "Tree permit for a gum tree dropping branches",
            "Street tree roots lifting our driveway - who is responsible?",
        ),
        "context": (
            "There's a large gum tree in our backyard that drops branches every time it's windy.",
            "A street tree outside our place has roots lifting the footpath and the driveway.",
        ),
        "details": (
            "An arborist said it's unhealthy.",
            "We have young kids who play in the yard.",
        ),
        "asks": (
            "Do I need a permit, and who pays if it's a street tree?",
            "How long does a tree permit take?",
        ),
        "tried": (
            "Got a quote from an arborist",
            "Read the significant tree register",
        ),
        "tags": ("permits", "trees"),
        "extra_tags": ("reporting",),
        "tips": (
            "Trees above a certain trunk size need a permit; the council website has a tree permit checker.",
            "Street trees are council's responsibility, so report it and they'll send their arborist.",
            "Attach the arborist's report to your application, it speeds things up a lot.",
        ),
        "links": ("environment/tree-permits", "environment/street-trees"),
    },
    {
        "topic": "footpath-road-report",
        "agencies": COUNCIL,
        "titles": (
            "How do I report a broken footpath near the shops?",
            "Huge pothole on our street - how long will council take to fix it?",
            "Reported a lifted footpath {weeks} weeks ago, nothing has happened",
            "Footpath is a trip hazard for my mum's walker, who do I tell?",
            "Pothole reported {weeks} weeks ago still not fixed",
            "Reporting a broken footpath - is there a way to track it?",
        ),
        "context": (
            "There's a section of footpath near the shops that's lifted and someone is going to fall.",
            "A pothole on our street has been getting bigger for {weeks} weeks.",
        ),
        "details": (
            "Lots of older people and prams use that path.",
            "I reported it once already but never heard back.",
        ),
        "asks": (
            "What's the best way to report it so it actually gets fixed?",
            "Is there a way to track the request?",
        ),
        "tried": (
            "Used the online report form",
            "Called the council customer line",
        ),
        "tags": ("roads-footpaths", "reporting"),
        "extra_tags": ("accessibility",),
        "tips": (
            "Use the 'Report an issue' form with a photo and a pin on the map; you get a reference to track it.",
            "Trip hazards are prioritised, so say clearly that it's a safety risk.",
            "If nothing happens, follow up quoting the reference, or ask your local ward councillor.",
        ),
        "links": ("report-an-issue",),
    },
    # -------------------------------------------------------- health cover
    {
        "topic": "health-claim-refund",
        "agencies": HEALTH,
        "titles": (
            "Claimed a GP visit in the app but no refund after {days} days",
            "Health Cover claim says 'processed' but no money in my account",
            "How long do Health Cover refunds take after claiming online?",
            "Health Cover rebate for a GP visit still not paid",
            "Health Cover refund for a GP visit taking {days} days",
            "GP claim processed but refund not in my account after {days} days",
        ),
        "context": (
            "I paid for a GP visit up front and claimed the rebate in the app {days} days ago.",
            "I claimed a GP visit online {days} days ago and it says processed, but nothing has been paid.",
        ),
        "details": (
            "The app shows the claim as processed.",
            "I had a referral from my GP.",
        ),
        "asks": (
            "How long do refunds normally take, and where do I check?",
            "Is there something I need to do to get the refund paid?",
        ),
        "tried": (
            "Checked my bank details in the app",
            "Re-uploaded the receipt",
        ),
        "tags": ("medicare-claims", "refunds"),
        "extra_tags": ("online-account",),
        "tips": (
            "Most claims are paid within two business days if your bank details are registered.",
            "Specialist claims are often rejected when the referral isn't linked; ask the specialist's rooms to resend it with the claim.",
            "Check the claims history in the app; a rejected claim lists a reason code you can search on the website.",
        ),
        "links": ("healthcover/claims", "healthcover/claim-rejected"),
    },
    {
        "topic": "health-card-replacement",
        "agencies": HEALTH,
        "titles": (
            "Lost my Health Cover card - can I use a digital one?",
            "How do I get a replacement Health Cover card?",
            "My Health Cover card expired and the new one never came",
            "Can the doctor bulk bill me without my physical card?",
            "Replacement Health Cover card not here since {month}",
            "Digital Health Cover card instead of a lost one?",
        ),
        "context": (
            "I lost my wallet last week including my Health Cover card.",
            "My Health Cover card expired in {month} and the replacement hasn't arrived.",
        ),
        "details": (
            "I've got a GP appointment on Friday.",
            "The card covers my kids too.",
        ),
        "asks": (
            "Can I use a digital card at the doctor, and how do I order a new plastic one?",
            "How long does a replacement card take to arrive?",
        ),
        "tried": (
            "Looked in the app for a digital card",
            "Checked my postal address is current",
        ),
        "tags": ("health-card", "replacement"),
        "extra_tags": ("online-account",),
        "tips": (
            "The digital card in the app is accepted everywhere the plastic card is.",
            "Order a replacement card online; it arrives in about three weeks.",
            "Your card number stays the same, so the clinic can also look you up with your name and details.",
        ),
        "links": ("healthcover/replacement-card", "healthcover/digital-card"),
    },
    {
        "topic": "newborn-enrolment",
        "agencies": HEALTH,
        "titles": (
            "How do I add my newborn to my Health Cover card?",
            "Newborn enrolment form - do I need the birth certificate first?",
            "Baby's Health Cover enrolment taking ages, is that normal?",
            "Adding our baby to Health Cover after a home birth",
            "Newborn still not on our Health Cover card since {month}",
            "Health Cover enrolment for our baby born in {month}",
        ),
        "context": (
            "Our baby was born in {month} and we filled in the newborn form at the hospital.",
            "We had a home birth so there was no hospital paperwork for Health Cover.",
        ),
        "details": (
            "We still haven't got a card with the baby on it.",
            "We're both exhausted and the forms are confusing.",
        ),
        "asks": (
            "Does the hospital form enrol the baby automatically?",
            "Is there a way to speed it up? The baby has an appointment coming up.",
        ),
        "tried": (
            "Checked the app for a new card",
            "Called the hospital records team",
        ),
        "tags": ("health-card", "newborns"),
        "extra_tags": ("enrolment",),
        "tips": (
            "The hospital's newborn form starts the enrolment, but you have to confirm it in the online account.",
            "You don't need the birth certificate, the birth registration statement is enough.",
            "Once enrolled, the baby appears on the digital card in the app straight away.",
        ),
        "links": ("healthcover/enrol-a-newborn",),
    },
    {
        "topic": "safety-net",
        "agencies": HEALTH,
        "titles": (
            "How does the Health Cover safety net work for a family?",
            "Do we need to register for the safety net as a couple?",
            "Safety net threshold reached but still paying full gap fees",
            "How do I check how close we are to the safety net?",
            "Health Cover safety net: we've spent {amount} on gap fees",
            "Registering as a family for the Health Cover safety net",
        ),
        "context": (
            "Our family has had a lot of specialist visits this year and the gap fees are adding up.",
            "My partner and I both see specialists regularly and someone mentioned the safety net.",
        ),
        "details": (
            "We've spent around {amount} out of pocket so far.",
            "We're not registered as a family, I don't think.",
        ),
        "asks": (
            "Do we need to register, and how do we track our total?",
            "Does it reset at the start of the year?",
        ),
        "tried": (
            "Looked for a safety net tracker in the app",
            "Added up our receipts",
        ),
        "tags": ("safety-net", "medicare-claims"),
        "extra_tags": ("online-account",),
        "tips": (
            "Singles are registered automatically, but couples and families have to register to combine their costs.",
            "The app shows your progress towards the threshold under Safety net.",
            "The threshold resets every calendar year on the first of January.",
        ),
        "links": ("healthcover/safety-net",),
    },
    {
        "topic": "new-resident-enrolment",
        "agencies": HEALTH,
        "titles": (
            "Just got permanent residency - how do I enrol in Health Cover?",
            "Which documents do I need to enrol in Health Cover?",
            "Health Cover enrolment as a new resident taking weeks",
            "Am I eligible for Health Cover on a bridging visa?",
            "Health Cover enrolment after moving from {country}",
            "Applied for Health Cover in {month}, still no card",
        ),
        "context": (
            "I moved here from {country} and recently got permanent residency.",
            "I applied to enrol in Health Cover in {month} but haven't heard anything.",
        ),
        "details": (
            "I don't have a local bank account yet.",
            "I need to see a doctor soon.",
        ),
        "asks": (
            "What documents do I need, and can I do it online?",
            "My partner is still on a temporary visa - are they eligible yet?",
        ),
        "tried": (
            "Downloaded the enrolment form",
            "Booked a service centre appointment",
        ),
        "tags": ("enrolment", "health-card"),
        "extra_tags": ("identity-check", "new-arrivals"),
        "tips": (
            "You'll need your passport, visa details and proof of residence; the enrolment can be lodged online with uploads.",
            "Many bridging visas are eligible if the main visa application was for permanent residency.",
            "Ask for an interim card number at the service centre if you need to see a doctor urgently.",
        ),
        "links": ("healthcover/enrol", "healthcover/eligibility"),
    },
    {
        "topic": "health-claim-old-bank-account",
        "agencies": HEALTH,
        "titles": (
            "Health Cover refund went to my old bank account",
            "How do I update bank details for Health Cover claims?",
            "Claim paid into a closed account - will I get it back?",
            "Updated my bank account but claims still go to the old one",
            "Health Cover refund of {amount} paid into a closed account",
            "Claim refund went to old bank account in {month}",
        ),
        "context": (
            "I closed my old account in {month} and forgot to update Health Cover.",
            "My last claim refund of {amount} was paid into an account that's now closed.",
        ),
        "details": (
            "The app shows the claim as paid.",
            "My bank says it will be returned to the sender.",
        ),
        "asks": (
            "How long until a returned refund is re-paid?",
            "Where do I change the bank details for claims?",
        ),
        "tried": (
            "Updated my bank details in the app",
            "Asked my bank to trace the payment",
        ),
        "tags": ("medicare-claims", "bank-details"),
        "extra_tags": ("refunds", "online-account"),
        "tips": (
            "Returned refunds are usually re-issued within ten business days once new details are on file.",
            "Bank details for claims are under Personal details > Bank details in the app, separate from your payments agency details.",
        ),
        "links": ("healthcover/bank-details",),
    },
    # ------------------------------------------------------- passport office
    {
        "topic": "passport-renewal-time",
        "agencies": PASSPORTS,
        "titles": (
            "How long is passport renewal taking right now? Travelling in {month}",
            "Passport renewal lodged {weeks} weeks ago - should I be worried?",
            "Renewing a passport online - how long did yours take?",
            "Flight to {country} booked, passport renewal still processing",
            "Is {weeks} weeks normal for a passport renewal?",
            "Passport renewal taking {weeks} weeks, trip to {country} in {month}",
            "Will my passport renewal arrive before {month}?",
        ),
        "context": (
            "I applied to renew my passport online in {month} and it's still showing 'in progress'.",
            "We've booked flights to {country} and my passport renewal hasn't been approved yet.",
        ),
        "details": (
            "The photo was accepted and I paid the standard fee.",
            "My old passport expired last year.",
        ),
        "asks": (
            "What's the realistic processing time right now?",
            "Can I pay to upgrade to priority after lodging?",
        ),
        "tried": (
            "Checked the application status online",
            "Called the passport line",
        ),
        "tags": ("passport-renewal", "waiting-times"),
        "extra_tags": ("travel", "priority-processing"),
        "tips": (
            "Standard renewals are taking about six weeks at the moment, including postage.",
            "You can pay the priority fee after lodging by calling {phone}, it cuts processing to a few business days.",
            "Don't book non-refundable travel until you have the new passport in hand if you can avoid it.",
        ),
        "links": ("passports/processing-times", "passports/renew"),
    },
    {
        "topic": "passport-photo-rejected",
        "agencies": PASSPORTS,
        "titles": (
            "Passport photo rejected twice - what am I doing wrong?",
            "Why was my passport photo rejected?",
            "Can I take my own passport photo at home?",
            "Baby's passport photo keeps getting rejected",
            "Passport photo for my {child_age} rejected - tips?",
            "Passport photo not compliant - what did they mean?",
        ),
        "context": (
            "My passport application came back because the photo didn't meet the requirements.",
            "I'm trying to get a passport photo of my {child_age} and it keeps getting rejected.",
        ),
        "details": (
            "The photo was taken at a pharmacy.",
            "The letter only said 'photo not compliant'.",
        ),
        "asks": (
            "What are the most common reasons photos get rejected?",
            "Is it better to go to a post office or a pharmacy?",
        ),
        "tried": (
            "Had the photo retaken",
            "Read the photo guidelines",
        ),
        "slots": {"child_age": ("baby", "toddler", "newborn", "three-year-old")},
        "tags": ("passport-photos", "passport-renewal"),
        "extra_tags": ("documents",),
        "tips": (
            "Shadows behind the head and glasses are the most common reasons; the background must be plain and light.",
            "For babies, lay them on a white sheet and take the photo from above; eyes open is preferred but not required for newborns.",
            "Ask the photo place to check it against the official guidelines before you pay.",
        ),
        "links": ("passports/photo-guidelines",),
    },
    {
        "topic": "child-passport-consent",
        "agencies": PASSPORTS,
        "titles": (
            "Child passport when the other parent is overseas - how does consent work?",
            "Child passport when parents are separated - how does consent work?",
            "Do both parents need to attend for a child passport interview?",
            "Getting a passport for my {child_age} - what's the process?",
            "Passport for my {child_age} - other parent lives in {country}",
            "Child passport consent form signed overseas",
        ),
        "context": (
            "I'm applying for a passport for my {child_age} and their other parent lives in {country}.",
            "We're separated and I need a passport for our {child_age} for a family trip.",
        ),
        "details": (
            "We're on good terms, it's just the distance.",
            "There's a parenting order but it doesn't mention travel.",
        ),
        "asks": (
            "How can the other parent give consent from overseas?",
            "Is there a process when one parent won't consent?",
        ),
        "tried": (
            "Read the child passport page",
            "Downloaded the consent form",
        ),
        "slots": {"child_age": ("son", "daughter", "toddler", "teenager")},
        "tags": ("child-passports", "consent"),
        "extra_tags": ("documents", "appointments"),
        "tips": (
            "A parent overseas can sign the consent form at an embassy or consulate and send it back.",
            "If consent can't be obtained there's a special circumstances process, or you may need a court order.",
            "Only one parent needs to attend the interview if the other has signed consent.",
        ),
        "links": ("passports/children", "passports/parental-consent"),
    },
    {
        "topic": "lost-stolen-passport",
        "agencies": PASSPORTS,
        "titles": (
            "Lost my passport - do I need to report it before applying for a new one?",
            "Lost or stolen passport - how do I replace it?",
            "Can't find my passport - report it lost first or apply straight away?",
            "Replacing a lost passport, how long does it take?",
            "Lost passport and travelling to {country} in {month}",
            "Reported my passport lost - how long for a replacement?",
        ),
        "context": (
            "I can't find my passport anywhere after moving house.",
            "My bag was stolen in {country} with my passport inside.",
        ),
        "details": (
            "I've got a trip coming up in {month}.",
            "I still have a photocopy of the photo page.",
        ),
        "asks": (
            "Do I report it first and then apply for a replacement?",
            "Is there a fee for replacing a lost passport?",
        ),
        "tried": (
            "Searched everywhere at home",
            "Reported it to local police",
        ),
        "tags": ("lost-passport", "passport-renewal"),
        "extra_tags": ("travel", "fees"),
        "tips": (
            "Report it lost or stolen online first; it's cancelled immediately and can't be used even if you find it.",
            "If you're overseas, the nearest embassy can issue an emergency travel document.",
            "There's an extra fee for replacing a lost passport on top of the normal application fee.",
        ),
        "links": ("passports/lost-or-stolen",),
    },
    {
        "topic": "urgent-passport",
        "agencies": PASSPORTS,
        "titles": (
            "Need a passport urgently for a family emergency - is priority possible?",
            "Urgent passport for travel to {country} next week?",
            "How fast is priority passport processing really?",
            "Family emergency overseas and my passport has expired",
            "Emergency passport for travel to {country}",
            "Priority passport processing for a trip to {country} next week",
        ),
        "context": (
            "{relative} is seriously ill in {country} and I need to travel as soon as possible.",
            "My passport expired without me noticing and I have to fly to {country} next week.",
        ),
        "details": (
            "I can get to a passport office in person.",
            "I have a letter from the hospital.",
        ),
        "asks": (
            "How does priority processing work and what does it cost?",
            "Can I get it within a couple of days?",
        ),
        "tried": (
            "Filled in the online application",
            "Called the passport line",
        ),
        "slots": {
            "relative": (
                "my mum", "my father", "my grandmother", "my brother",
                "my aunt",
            ),
        },
        "tags": ("priority-processing", "passport-renewal"),
        "extra_tags": ("travel",),
        "tips": (
            "Priority processing takes two business days, not counting delivery, and costs an extra fee.",
            "For genuine emergencies, call {phone} and explain; they can sometimes issue within a day.",
            "Bring proof of the emergency and your travel booking to the interview.",
        ),
        "links": ("passports/urgent-travel",),
    },
    {
        "topic": "name-change-passport",
        "agencies": PASSPORTS,
        "titles": (
            "Got married - do I need a new passport to travel under my new name?",
            "Passport in my maiden name but tickets in my married name",
            "Changing the name on my passport - is it needed before travel?",
            "Which name should I book flights in after changing my surname?",
            "Name change on my passport before travelling to {country}",
            "Passport still in my old name, flights booked in {month}",
        ),
        "context": (
            "I got married in {month} and have started using my partner's surname.",
            "I'm changing back to my previous surname and have a trip to {country} coming up.",
        ),
        "details": (
            "My passport still has a few years left on it.",
            "My driver licence already has the new name.",
        ),
        "asks": (
            "Do I need a new passport, or can I travel on the old one?",
            "What documents do I need to change the name?",
        ),
        "tried": (
            "Read the name change page",
            "Ordered my {document}",
        ),
        "tags": ("name-change", "passport-renewal"),
        "extra_tags": ("documents", "travel"),
        "tips": (
            "Always book flights in the name that's on your passport, otherwise you may not be allowed to board.",
            "To change the name you'll need your marriage certificate or change of name certificate with the application.",
            "You can keep travelling on the old passport in your old name until it expires.",
        ),
        "links": ("passports/change-of-name",),
    },
    # ------------------------------------------------- shared across agencies
    {
        "topic": "online-account-lockout",
        "agencies": ALL_AGENCIES,
        "titles": (
            "Locked out of my {agency} online account after too many attempts",
            "Account locked - how long before I can log in again?",
            "Can't unlock my online account with {agency_short}",
            "Password reset for {agency_short} online keeps failing",
            "Locked out of online services, recovery email goes nowhere",
            "{agency} online account locked, reset link expired",
            "Locked out of {agency_short} online on my {device}",
        ),
        "context": (
            "I entered the wrong password a few times and now my {agency} online account is locked.",
            "I tried to log in to {agency_short} online on my {device} and got a message that the account is locked.",
        ),
        "details": (
            "The password reset link says it has expired every time.",
            "The recovery email is an old work address I can't access any more.",
        ),
        "asks": (
            "How long does the lock last, and is there a way to unlock it myself?",
            "What do I do if I can't get the reset emails?",
        ),
        "tried": (
            "Waited 24 hours and tried again",
            "Used the 'forgot password' link",
            "Tried on a different browser",
            "Cleared cookies and cache",
        ),
        "tags": ("online-account", "account-lockout"),
        "extra_tags": ("identity-check", "passwords"),
        "tips": (
            "The lock clears automatically after 30 minutes; after that use 'Forgot password' rather than guessing again.",
            "If the recovery email is out of date, you'll need to call {phone} and verify your identity to change it.",
            "Reset links only work once and expire after an hour, so use the newest one.",
        ),
        "links": ("online-account/locked-out", "online-account/reset-password"),
    },
    {
        "topic": "verification-code-not-arriving",
        "agencies": ALL_AGENCIES,
        "titles": (
            "SMS verification code never arrives when I log in",
            "Not getting the one-time code for {agency_short} online",
            "Changed phone numbers and can't get the login code",
            "Verification code for the {agency} login comes through too late",
            "One-time login code from {the_agency} never arrives on my {device}",
            "Login code goes to my old mobile - {agency_short} online",
        ),
        "context": (
            "Every time I try to log in to {agency_short} online, it says a code has been sent but nothing arrives.",
            "I changed mobile numbers and now the login code from {the_agency} goes to my old number.",
        ),
        "details": (
            "Other services' codes arrive fine.",
            "I'm with a smaller mobile provider.",
        ),
        "asks": (
            "Is there another way to receive the code, like an authenticator app?",
            "How do I update my mobile number if I can't log in?",
        ),
        "tried": (
            "Restarted my phone",
            "Requested the code several times",
            "Checked the number in my profile",
        ),
        "tags": ("online-account", "verification-codes"),
        "extra_tags": ("account-lockout",),
        "tips": (
            "Requesting the code several times can block it for 15 minutes, so wait and request just once.",
            "Switch to an authenticator app under Security settings once you're in, it's far more reliable.",
            "To change the mobile number without logging in, call {phone} and verify your identity.",
        ),
        "links": ("online-account/verification-codes",),
    },
    {
        "topic": "identity-check-failed",
        "agencies": TAX + PAYMENTS + TRANSPORT + PASSPORTS,
        "titles": (
            "Online identity check keeps failing even though my details are right",
            "Identity verification failing with my {document}",
            "Can't verify my identity online with {agency_short} - what are the options?",
            "ID check says details don't match, but they do",
            "{agency} identity check failing at the {document} step",
            "Can't get past the identity check for {agency_short}",
        ),
        "context": (
            "I'm trying to verify my identity with {the_agency} online, but it fails at the {document} step.",
            "The identity check for {agency_short} keeps saying my details don't match.",
        ),
        "details": (
            "My name has a hyphen in it.",
            "My {document} was issued under my previous surname.",
        ),
        "asks": (
            "Is there another way to prove my identity?",
            "Does the name have to match exactly, including middle names?",
        ),
        "tried": (
            "Tried a different document",
            "Entered my name with and without the middle name",
            "Waited a day and tried again",
        ),
        "tags": ("identity-check", "documents"),
        "extra_tags": ("online-account", "name-change"),
        "tips": (
            "Enter your name exactly as it appears on the document, including hyphens and middle names.",
            "If your documents are in different names, add your change of name or marriage certificate as a linking document.",
            "You can verify in person at a service centre with original documents if the online check won't work.",
        ),
        "links": ("identity/verify-your-identity", "identity/name-mismatch"),
    },
    {
        "topic": "screen-reader-forms",
        "agencies": ALL_AGENCIES,
        "titles": (
            "Screen reader can't read the {form} form on the {agency} website",
            "{form} form isn't accessible for blind users",
            "Accessibility problem: can't complete the {form} form with a screen reader",
            "Keyboard navigation broken on the {form} form",
            "{agency} {form} form doesn't work with a screen reader",
            "Accessible version of the {form} form?",
        ),
        "context": (
            "I'm blind and use a screen reader, and the {form} form on the {agency} site is impossible to complete.",
            "{relative} has low vision and can't get past the second page of the {form} form.",
        ),
        "details": (
            "The date fields aren't labelled, so it just reads 'edit text'.",
            "The 'Next' button can't be reached with the keyboard.",
        ),
        "asks": (
            "Is there an accessible version, or someone who can fill it in with me?",
            "Where do I report accessibility problems so they get fixed?",
        ),
        "tried": (
            "Tried two different screen readers",
            "Zoomed the page and used high contrast mode",
            "Asked for a paper form",
        ),
        "slots": {
            "form": (
                "change of address", "online claim", "appointment booking",
                "renewal", "update details",
            ),
            "relative": (
                "my dad", "my grandmother", "my partner", "my neighbour",
            ),
        },
        "tags": ("accessibility", "online-forms"),
        "extra_tags": ("online-account", "complaints"),
        "tips": (
            "Ask for an accessible version or phone assistance, they're required to offer an alternative.",
            "Report it through the accessibility feedback form so it goes to the web team, not the general queue.",
            "The National Relay Service can help if phone calls are difficult.",
        ),
        "links": ("accessibility", "accessibility/feedback"),
    },
    {
        "topic": "interpreter-appointment",
        "agencies": ALL_AGENCIES,
        "titles": (
            "How do I book an interpreter for an appointment with {agency_short}?",
            "Free interpreter for {language} speakers at {the_agency}?",
            "Can family interpret at an appointment with {agency_short}, or do we need a professional?",
            "Need a {language} interpreter for a phone call with {agency_short}",
            "{language} interpreter for an appointment with {the_agency}",
            "Interpreter at {agency_short} appointments - is it free?",
        ),
        "context": (
            "{relative} speaks mostly {language} and has an appointment with {agency_short} soon.",
            "I'm more comfortable in {language} and want to make sure I understand everything at my appointment.",
        ),
        "details": (
            "Last time a family member interpreted but it was hard for everyone.",
            "The appointment is about a complicated claim.",
        ),
        "asks": (
            "Is the interpreter free, and how much notice do they need?",
            "Can it be done over the phone?",
        ),
        "tried": (
            "Looked for an interpreter option on the booking form",
            "Asked at the front desk",
        ),
        "slots": {
            "language": (
                "Vietnamese", "Arabic", "Mandarin", "Greek", "Dari",
                "Spanish", "Korean", "Hindi", "Italian",
            ),
            "relative": ("my mum", "my father", "my grandmother", "my uncle"),
        },
        "tags": ("interpreters", "accessibility"),
        "extra_tags": ("appointments",),
        "tips": (
            "Interpreters are free; ask for one when you book, and give at least two days' notice for in-person appointments.",
            "Phone interpreters can be added to a call straight away, just say the language when you're connected.",
            "Family can help, but for anything official it's better to use a professional interpreter.",
        ),
        "links": ("help-in-your-language",),
    },
    {
        "topic": "phone-wait-times",
        "agencies": ALL_AGENCIES,
        "titles": (
            "Phone wait times at {agency_short} are {wait} - is there a better time to call?",
            "Waited on hold with {the_agency} for {wait} and got cut off",
            "Best time of day to call {agency_short}?",
            "Is there any way to avoid the phone queue at {the_agency}?",
            "{agency} phone queue: {wait} on hold",
            "Callback option for {agency_short} instead of waiting {wait}?",
        ),
        "context": (
            "I've tried calling {the_agency} three times this week and waited {wait} each time.",
            "The call to {agency_short} dropped out after I'd been on hold for {wait}.",
        ),
        "details": (
            "I can't do it online because it's a question about my specific case.",
            "I'm calling from work so I can't wait all day.",
        ),
        "asks": (
            "Is there a quieter time to call or a callback option?",
            "Is there anywhere else I can get help without the phone?",
        ),
        "tried": (
            "Called at different times of day",
            "Tried the online chat",
            "Sent a secure message",
        ),
        "tags": ("waiting-times", "phone-support"),
        "extra_tags": ("complaints",),
        "tips": (
            "Calling {time_of_day} is usually the quietest time, Mondays are the worst.",
            "Ask for a callback when the option is offered rather than staying on hold.",
            "Secure messages in the online account are answered within a few business days and leave a paper trail.",
        ),
        "links": ("contact-us", "contact-us/callback"),
    },
    {
        "topic": "formal-complaint",
        "agencies": ALL_AGENCIES,
        "titles": (
            "How do I make a formal complaint to {the_agency}?",
            "Complaint about how {agency_short} handled my case - where do I start?",
            "Made a complaint {weeks} weeks ago with no response",
            "Who do I escalate to if {agency_short} ignores my complaint?",
            "Formal complaint to {the_agency} - how long should it take?",
            "No response to my complaint to {agency_short} since {month}",
        ),
        "context": (
            "I've had a really poor experience with {the_agency} over the last few months and want to make a formal complaint.",
            "I lodged a complaint with {agency_short} in {month} and haven't heard anything since.",
        ),
        "details": (
            "I was given different information every time I called.",
            "I've kept notes of every call.",
        ),
        "asks": (
            "What's the proper process, and how long should they take to respond?",
            "Is there an independent body I can go to after that?",
        ),
        "tried": (
            "Used the feedback form on the website",
            "Asked to speak to a supervisor",
        ),
        "tags": ("complaints",),
        "extra_tags": ("reviews", "waiting-times"),
        "tips": (
            "Use the formal complaints form, not the general feedback form, and ask for a reference number.",
            "They aim to respond within 20 business days; if they don't, you can escalate.",
            "If you're not happy with the outcome, you can go to the Ombudsman, which is free and independent.",
        ),
        "links": ("complaints", "complaints/how-we-handle-complaints"),
    },
    # ---------------------------------------------------------- no agency
    {
        "topic": "which-agency",
        "agencies": (),
        "titles": (
            "Which agency do I contact about {issue}?",
            "Not sure who handles {issue} - council, state or federal?",
            "Who is responsible for {issue}?",
            "Confused about which department deals with {issue}",
            "Who do I report {issue} to?",
            "Which department handles {issue} in {state}?",
        ),
        "context": (
            "I've been bounced between three different phone lines trying to sort out {issue}.",
            "I need help with {issue} but every website sends me somewhere else.",
        ),
        "details": (
            "Each place says it's someone else's job.",
            "I'm new to dealing with government stuff.",
        ),
        "asks": (
            "Does anyone know which agency actually handles this?",
            "Is there one place that can point me in the right direction?",
        ),
        "tried": (
            "Searched online",
            "Called the general enquiries line",
        ),
        "slots": {
            "issue": (
                "a noisy neighbour", "an abandoned car on our street",
                "a dangerous intersection", "a letter I don't understand",
                "a dead tree on a nature strip", "overhanging power lines",
            ),
        },
        "tags": ("general", "which-agency"),
        "extra_tags": ("reporting",),
        "tips": (
            "Local issues like streets, trees and parking are council; roads with numbered routes are usually the state.",
            "The government services directory lets you search by topic and tells you who is responsible.",
            "Your local member's office can help work out who to contact and will often chase it for you.",
        ),
        "links": ("which-agency", "services-directory"),
    },
    {
        "topic": "moving-interstate-checklist",
        "agencies": (),
        "titles": (
            "Moving from {state} to {state2} - who do I need to notify?",
            "Checklist for government stuff when moving interstate?",
            "Just moved to {state2}, what do I need to update first?",
            "How long do I have to change my licence after moving interstate?",
            "Moving interstate to {state2} in {month} - government checklist?",
            "Who to notify when moving from {state} to {state2}",
        ),
        "context": (
            "We're moving from {state} to {state2} in {month} with two kids.",
            "I just moved interstate for work and have a list of things to update.",
        ),
        "details": (
            "I've got a car, a licence and I'm on the electoral roll.",
            "My partner receives a payment from the payments agency.",
        ),
        "asks": (
            "Is there a single place to update my address with everyone?",
            "What has a strict deadline, and what can wait?",
        ),
        "tried": (
            "Made a list of accounts",
            "Updated my address with the bank",
        ),
        "tags": ("moving", "change-of-address"),
        "extra_tags": ("drivers-licence", "vehicle-registration"),
        "tips": (
            "Update your address in the central online account first; it pushes the change to several linked agencies at once.",
            "Licences and rego usually have to be transferred within three months of moving interstate.",
            "Don't forget the electoral roll, it's a quick online form.",
        ),
        "links": ("moving/checklist",),
    },
    {
        "topic": "certify-documents",
        "agencies": (),
        "titles": (
            "Where can I get documents certified for free?",
            "Who can certify a copy of my {document}?",
            "Do certified copies need to be recent?",
            "Finding a Justice of the Peace on the weekend",
            "Certified copy of my {document} needed by {month}",
            "Free document certification for a {document}?",
        ),
        "context": (
            "I need a certified copy of my {document} for an application.",
            "An application I'm doing asks for certified copies and I don't know anyone who can do it.",
        ),
        "details": (
            "I work full time so weekdays are hard.",
            "It's needed by the end of {month}.",
        ),
        "asks": (
            "Who is allowed to certify, and is it free?",
            "Does a pharmacist or police officer count?",
        ),
        "tried": (
            "Searched for a JP near me",
            "Asked at the local library",
        ),
        "tags": ("documents", "certified-copies"),
        "extra_tags": ("identity-check",),
        "tips": (
            "Justices of the Peace certify for free, many libraries and shopping centres have JP desks on Saturdays.",
            "Pharmacists, police officers and registered nurses can also certify copies.",
            "Bring the original document, they have to see it to certify the copy.",
        ),
        "links": ("documents/certified-copies", "find-a-jp"),
    },
    {
        "topic": "scam-messages",
        "agencies": (),
        "titles": (
            "Got a text saying I owe money to the government - is it a scam?",
            "Is this text about an unpaid {scam_topic} real?",
            "Scam call claiming to be from a government agency",
            "Clicked a link in a fake government text, what should I do?",
            "Text about an unpaid {scam_topic} - scam?",
            "Scam call about my {scam_topic}, what should I do?",
        ),
        "context": (
            "I got a text saying I have an unpaid {scam_topic} and need to pay within 24 hours via a link.",
            "Someone called claiming to be from the government about my {scam_topic}.",
        ),
        "details": (
            "It looked very official and used my first name.",
            "They asked me to pay with gift cards.",
        ),
        "asks": (
            "Is this a known scam, and where do I report it?",
            "If I clicked the link, what should I do now?",
        ),
        "tried": (
            "Didn't reply",
            "Checked my online account for any debts",
        ),
        "slots": {
            "scam_topic": (
                "toll notice", "tax debt", "parking fine", "health rebate",
                "benefit overpayment",
            ),
        },
        "tags": ("scams", "online-safety"),
        "extra_tags": ("online-account",),
        "tips": (
            "Government agencies never ask you to pay with gift cards or cryptocurrency; that's always a scam.",
            "Log in directly through the official app or website rather than following a link to check for any real debt.",
            "If you entered details, change your passwords now and contact your bank; report it at the national scam reporting page.",
        ),
        "links": ("scams/report-a-scam", "scams/recent-scams"),
    },
    {
        "topic": "acting-for-family-member",
        "agencies": (),
        "titles": (
            "Helping {relative} with government services - can I act on their behalf?",
            "How do I become a nominee for {relative}?",
            "Power of attorney vs nominee for dealing with agencies",
            "Managing paperwork for {relative} who has dementia",
            "Acting on behalf of {relative} with several agencies",
            "Nominee forms for {relative} - one for every agency?",
        ),
        "context": (
            "{relative} is getting older and struggles with the phone and online accounts.",
            "I've started helping {relative} with letters from several different agencies.",
        ),
        "details": (
            "They're happy for me to help, they just can't manage it alone.",
            "Every agency seems to have its own form.",
        ),
        "asks": (
            "Is there one form that covers all agencies, or do I need to do each one?",
            "Does a power of attorney count?",
        ),
        "tried": (
            "Asked each agency by phone",
            "Looked up the nominee forms",
        ),
        "tags": ("nominees", "accessibility"),
        "extra_tags": ("aged-care", "documents"),
        "tips": (
            "Each agency has its own nominee or authorised person form, so you'll need to do them separately.",
            "A power of attorney is usually accepted, but you still need to register it with each agency.",
            "Start with the agency you deal with most, they can often tell you what the others need.",
        ),
        "links": ("help/acting-for-someone-else",),
    },
    {
        "topic": "new-arrival-services",
        "agencies": (),
        "titles": (
            "Just moved to Australia - which government services should I sign up for first?",
            "New migrant from {country}, what should I set up in my first month?",
            "Arrived on a permanent visa - order of things to register for?",
            "Moved here from {country}: tax, health cover, licence... where do I start?",
            "First month in Australia after moving from {country} - what to register for?",
            "New arrivals from {country}: tax, bank, health cover - which first?",
        ),
        "context": (
            "My family arrived from {country} last month on permanent visas.",
            "I've just arrived from {country} and feel overwhelmed by all the registrations.",
        ),
        "details": (
            "We don't have a local bank account yet.",
            "I start a new job in {month}.",
        ),
        "asks": (
            "What's the right order to set things up?",
            "Is there a settlement service that can help?",
        ),
        "tried": (
            "Read the settlement guide",
            "Opened a bank account",
        ),
        "tags": ("new-arrivals", "general"),
        "extra_tags": ("identity-check", "documents"),
        "tips": (
            "Bank account first, then a tax number, then health cover enrolment; most later steps need those.",
            "Free settlement services in most suburbs can help with forms and interpreters.",
            "Keep certified copies of your visa and passport handy, almost every agency asks for them.",
        ),
        "links": ("new-arrivals", "new-arrivals/checklist"),
    },
)
