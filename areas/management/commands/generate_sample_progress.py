"""Fill the database with sample paragraphs and ratings for development."""

from django.core.management.base import BaseCommand, CommandError

from areas.sample import RealDataInTheWay, generate


class Command(BaseCommand):
    """Fill a development database with labelled sample ratings."""

    help = (
        "Create sample decree paragraphs, monitoring reports and ratings for development "
        "and benchmarks. Replaces earlier sample data. Never use it on a public site: "
        "the ratings are made up (every sample report says so)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--paragraphs", type=int, default=800)
        parser.add_argument("--reports", type=int, default=12)
        parser.add_argument("--seed", type=int, default=1, help="Same seed, same data.")

    def handle(self, *args, paragraphs, reports, seed, **options):
        try:
            ratings = generate(paragraphs=paragraphs, reports=reports, seed=seed)
        except RealDataInTheWay as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            self.style.SUCCESS(
                f"Sample data: {paragraphs} paragraphs, {reports} reports, {ratings} ratings."
            )
        )
