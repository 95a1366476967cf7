"""The demo content: the words of the seed home page, for a Chicago site.

Loaded by ``manage.py load_demo_content``. Staff replace all of it in the
admin; nothing here is read at run time.
"""

SITE = {
    "site_name": "Chicago Police Reform",
    "city": "Chicago",
    "department": "Chicago Police Department",
    "tagline": "Follow the Chicago Police Department's reform under the federal consent decree.",
    "what_heading": "What We Are Doing",
    "what_intro": (
        "The Chicago Police Department is reforming under a federal consent decree. "
        "Follow what is changing in each area, how far along it is in the Independent "
        "Monitor's reports, and how you can take part."
    ),
    "involved_heading": "3 Ways to Get Involved",
    "areas_card_title": "Areas of Improvement",
    "areas_card_text": (
        "Learn more about the areas we are improving upon, in collaboration with "
        "community members and city agencies."
    ),
    "media_card_title": "Media Center",
    "media_card_text": (
        "Read up on the latest news featuring Chicago Police Department improvements."
    ),
    "feedback_card_title": "Feedback",
    "feedback_card_text": "Let us know how we can improve and work better together!",
    "areas_heading": "Areas of Improvement",
    "comparisons_heading": "Consent Decree in Other Cities",
    "media_heading": "Media Center",
    "media_subheading": "Press & More",
    "media_empty_text": "No recent posts have been published at this time.",
    "policies_heading": "Draft Policy & Documents",
    "feedback_heading": "Feedback",
}

ANNOUNCEMENT = {
    "title": "Updates on the Workforce Allocation Study Here!",
    "slug": "workforce-allocation-study",
    "body": (
        "Updates on the Workforce Allocation Study will be posted on this page "
        "as they are published."
    ),
}

# (title, subtitle, summary), in the seed page's order.
AREAS = [
    (
        "Community Policing",
        "",
        "Integrating community policing to enhance public trust and ensure sustainable "
        "reforms. This approach prioritizes trust, community collaboration, and joint "
        "problem-solving with city agencies.",
    ),
    (
        "Impartial Policing",
        "",
        "Implementing clear policies against sexual misconduct, proper response to "
        "allegations of abuse, and mandatory annual training for all officers on "
        "procedural justice and cultural competency.",
    ),
    (
        "Officer Wellness & Support",
        "",
        "Prioritizing the mental well-being of officers, by providing comprehensive "
        "support for those dealing with the psychological effects of their duties.",
    ),
    (
        "Training",
        "",
        "Implementation of mandatory training hours for officers ensuring they are "
        "well-prepared and aligned with updated policies to better serve Chicago.",
    ),
    (
        "Crisis Intervention",
        "",
        "Adequately training officers in crisis intervention techniques to handle "
        "behavioral or mental health crises effectively and respectfully. Promoting "
        "safety in police interactions and reducing the need to use force.",
    ),
    (
        "Supervision",
        "",
        "Equipping CPD supervisors to better train and monitor their officers, ensuring "
        "accountability and addressing adverse behavior. Consistently implementing "
        "performance evaluations to pinpoint both commendable and concerning behaviors, "
        "promoting public safety and trust.",
    ),
    (
        "Use of Force",
        "",
        "The department has outlined specific use of force techniques and tools officers "
        "can use, always prioritizing the sanctity of life by providing immediate aid to "
        "anyone injured. In addition, CPD ensures transparent communication pathways for "
        "the community to comment on these policies.",
    ),
    (
        "Accountability & Transparency",
        "",
        "Emphasizing core values such as professionalism and integrity, with every member "
        "held accountable to these standards. Creating a just and effective accountability "
        "system, where any misconduct is addressed promptly and equitably, ensuring due "
        "process.",
    ),
    (
        "Recruitment",
        "Hiring & Promotion",
        "Creating policies to ensure our processes for the ranks of sergeant and "
        "lieutenant are transparent, and continuously reviewing and updating our "
        "recruitment, hiring and promotion policies and practices.",
    ),
    (
        "Data Collection",
        "Analysis & Management",
        "Utilize data-driven strategies to uphold constitutional policing, encompassing "
        "systematic data collection, accuracy checks, trend analysis, and creating "
        "targeted interventions to address and modify concerning officers’ behaviors.",
    ),
]

# The seed page's three cities, in its order; Chicago is the site's own decree.
HOME_DECREES = ["Los Angeles", "New Orleans", "Seattle"]
OWN_DECREE = "Chicago"
# Sourced milestones the seed page mentions (see the notes column of the data).
MILESTONES = {
    "Seattle": "The Seattle Police Department lifted most of their requirements as of September 2023.",
}
