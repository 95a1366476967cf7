"""The benchmark's large data set, written in bulk into a throwaway database.

800 decree paragraphs rated in 12 monitoring reports, 1,000 posts, 200 draft
policies (a quarter open for comment), 200 documents and 20,000 feedback
records, on top of the demo content.
"""

import datetime
import io
import os

from django.core.management import call_command
from django.utils import timezone


def load(paragraphs=800, reports=12, posts=1000, policies=200, documents=200, feedback=20000):
    """Fill the (migrated, empty) database."""
    from areas.models import Area
    from feedback.models import Feedback
    from media_center.models import Post
    from policies.models import Document, Policy

    quiet = io.StringIO()
    call_command("load_demo_content", verbosity=0, stdout=quiet)
    call_command("generate_sample_progress", paragraphs=paragraphs, reports=reports, stdout=quiet)
    now = timezone.now()
    today = timezone.localdate()
    areas = list(Area.objects.all())
    Post.objects.bulk_create(
        Post(
            title=f"Sample post {n}: training update",
            slug=f"sample-post-{n}",
            summary="Training news for the benchmark: what changed and what comes next.",
            body_html="<p>Body of the sample post.</p>",
            status=Post.Status.PUBLISHED,
            category=Post.Category.values[n % 4],
            published_at=now - datetime.timedelta(hours=n + 1),
        )
        for n in range(posts)
    )
    Post.areas.through.objects.bulk_create(
        Post.areas.through(post_id=post_id, area_id=areas[i % len(areas)].pk)
        for i, post_id in enumerate(
            Post.objects.filter(slug__startswith="sample-post-").values_list("pk", flat=True)
        )
    )
    Policy.objects.bulk_create(
        Policy(
            title=f"Sample draft {n}: use of force reporting",
            slug=f"sample-draft-{n}",
            number=f"G{n:02d}-01",
            summary="A training policy for the benchmark.",
            body_html="<p>The draft's text.</p>",
            is_published=True,
            comment_opens=today - datetime.timedelta(days=n),
            comment_closes=today + datetime.timedelta(days=50 - n),
        )
        for n in range(policies)
    )
    # The benchmark's own drafts: the demo's keep their areas.
    policy_ids = list(
        Policy.objects.filter(slug__startswith="sample-draft-").values_list("pk", flat=True)
    )
    Policy.areas.through.objects.bulk_create(
        Policy.areas.through(policy_id=pk, area_id=areas[i % len(areas)].pk)
        for i, pk in enumerate(policy_ids)
    )
    made = Document.objects.bulk_create(
        Document(
            title=f"Sample document {n}",
            file=f"documents/sample-{n}.pdf",
            file_size=120_000 + n,
            kind=Document.Kind.values[n % 4],
            published_on=today - datetime.timedelta(days=n),
            policy_id=policy_ids[n % len(policy_ids)] if n % 2 else None,
        )
        for n in range(documents)
    )
    # Every tenth document is a later version of the one before it.
    for earlier, later in zip(made[::10], made[1::10], strict=False):
        later.supersedes_id = earlier.pk
    Document.objects.bulk_update(made, ["supersedes"])
    Feedback.objects.bulk_create(
        (
            Feedback(
                reference=f"FB-{n:04X}-{n * 7919 % 65536:04X}",
                message="A resident's message for the benchmark.",
                policy_id=policy_ids[n % len(policy_ids)] if n % 3 == 0 else None,
                area_id=areas[n % len(areas)].pk if n % 3 == 1 else None,
                created_at=now - datetime.timedelta(minutes=n),
            )
            for n in range(feedback)
        ),
        batch_size=2000,
    )
    from core.content_version import content_changed

    content_changed()


def describe(**counts):
    return ", ".join(f"{value:,} {name}" for name, value in counts.items())


if __name__ == "__main__":  # python -m benchmarks.data, with DATABASE_URL set
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "reform_site.settings")
    import django

    django.setup()
    call_command("migrate", verbosity=0, interactive=False)
    load()
