"""SiteSettings moves from reform_site to core; its table and rows stay where they are."""

import core.markdown
from django.db import migrations, models


def move_content_type(apps, schema_editor):
    """Keep permissions and admin history attached to the moved model."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="reform_site", model="sitesettings").update(
        app_label="core"
    )


def move_content_type_back(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="core", model="sitesettings").update(
        app_label="reform_site"
    )


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("reform_site", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="SiteSettings",
                    fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('site_name', models.CharField(default='Police Reform Progress', max_length=120)),
                ('city', models.CharField(default='Chicago', max_length=80)),
                ('department', models.CharField(default='Chicago Police Department', max_length=120)),
                ('tagline', models.CharField(blank=True, max_length=200)),
                ('what_heading', models.CharField(max_length=120, verbose_name='“What we are doing” heading')),
                ('what_intro', core.markdown.MarkdownField(rendered_field=False, blank=True, verbose_name='“What we are doing” introduction')),
                ('what_intro_html', models.TextField(blank=True, editable=False)),
                ('involved_heading', models.CharField(max_length=120)),
                ('areas_card_title', models.CharField(max_length=80)),
                ('areas_card_text', models.TextField()),
                ('media_card_title', models.CharField(max_length=80)),
                ('media_card_text', models.TextField()),
                ('feedback_card_title', models.CharField(max_length=80)),
                ('feedback_card_text', models.TextField()),
                ('areas_heading', models.CharField(max_length=120)),
                ('comparisons_heading', models.CharField(max_length=120)),
                ('media_heading', models.CharField(max_length=120)),
                ('media_subheading', models.CharField(blank=True, max_length=120)),
                ('media_empty_text', models.CharField(default='No recent posts have been published at this time.', max_length=200)),
                ('policies_heading', models.CharField(max_length=120)),
                ('policies_text', models.TextField(blank=True)),
                ('feedback_heading', models.CharField(max_length=120)),
                ('feedback_text', models.TextField(blank=True)),
            ],
                    options={
                        "verbose_name": "site settings and home page",
                        "verbose_name_plural": "site settings and home page",
                        "db_table": "reform_site_sitesettings",
                    },
                ),
            ],
        ),
        migrations.RunPython(move_content_type, move_content_type_back),
    ]
