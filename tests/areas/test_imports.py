"""Staff imports: every problem at once with its line and column, all or nothing, repeatable."""

import io

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from areas.models import ComplianceAssessment, Level, Paragraph
from tests.areas.factories import MonitoringReportFactory, ParagraphFactory
from tests.factories import AreaFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def areas(db):
    return AreaFactory(title="Use of Force", slug="use-of-force"), AreaFactory(
        title="Training", slug="training"
    )


@pytest.fixture
def report(db):
    return MonitoringReportFactory(title="Independent Monitoring Report 11", short_title="IMR 11")


def write(tmp_path, text, name="file.csv", encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return str(path)


def run(command, *args):
    out, err = io.StringIO(), io.StringIO()
    call_command(command, *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def fail(command, *args):
    err = io.StringIO()
    with pytest.raises(CommandError) as raised:
        call_command(command, *args, stdout=io.StringIO(), stderr=err)
    return str(raised.value), err.getvalue()


def snapshot():
    return (
        sorted(Paragraph.objects.values_list("number", "area__slug", "title", "text")),
        sorted(
            ComplianceAssessment.objects.values_list(
                "paragraph__number", "report_id", "level", "note"
            )
        ),
    )


PARAGRAPHS = """number,area,title,text
153,use-of-force,Sanctity of life,"CPD will make the sanctity of life
the guiding principle."
154,Use of Force,De-escalation,
160,training,Annual training,Forty hours a year.
"""


def test_paragraphs_import_creates_them_with_their_areas(tmp_path, areas):
    out, _ = run("import_paragraphs", write(tmp_path, PARAGRAPHS))
    assert "3 created, 0 updated, 0 unchanged" in out
    sanctity = Paragraph.objects.get(number=153)
    assert sanctity.area.slug == "use-of-force"
    assert sanctity.text == "CPD will make the sanctity of life\nthe guiding principle."
    assert Paragraph.objects.get(number=154).area.slug == "use-of-force"  # by title


def test_importing_the_same_paragraphs_again_changes_nothing(tmp_path, areas):
    path = write(tmp_path, PARAGRAPHS)
    run("import_paragraphs", path)
    before = snapshot()
    out, _ = run("import_paragraphs", path)
    assert "0 created, 0 updated, 3 unchanged" in out
    assert snapshot() == before


def test_a_changed_paragraph_is_updated_and_absent_columns_are_left_alone(tmp_path, areas):
    run("import_paragraphs", write(tmp_path, PARAGRAPHS))
    out, _ = run(
        "import_paragraphs", write(tmp_path, "number,area\n160,use-of-force\n", "move.csv")
    )
    assert "0 created, 1 updated, 0 unchanged" in out
    moved = Paragraph.objects.get(number=160)
    assert (moved.area.slug, moved.title, moved.text) == (
        "use-of-force",
        "Annual training",
        "Forty hours a year.",
    )


def test_every_problem_is_listed_with_line_and_column_and_nothing_is_written(tmp_path, areas):
    bad = (
        "number,area,title\n"
        "12,use-of-force,Fine\n"
        "12a,use-of-force,Bad number\n"
        "13,patrol,Unknown area\n"
        '14,training,"A title\n'
        'over two lines"\n'
        "15,,No area\n"
        "12,training,Duplicate\n"
    )
    message, err = fail("import_paragraphs", write(tmp_path, bad))
    assert "4 problems found; nothing was imported" in message
    lines = err.strip().splitlines()
    assert len(lines) == 4
    assert "Line 3, column 1 (number): “12a” is not a paragraph number" in lines[0]
    assert "Line 4, column 2 (area): No area “patrol”" in lines[1]
    assert "training, use-of-force" in lines[1]  # the slugs to choose from
    assert "Line 7, column 2 (area): Empty." in lines[2]  # the quoted line break counts
    assert "Line 8, column 1 (number): Paragraph 12 is also on line 2" in lines[3]
    assert Paragraph.objects.count() == 0


def test_missing_and_unknown_columns_are_named(tmp_path, areas):
    _, err = fail("import_paragraphs", write(tmp_path, "number,areas,titel\n1,training,x\n"))
    assert "Line 1, column 2 (areas): Unknown column." in err
    assert "Line 1, column 3 (titel): Unknown column." in err
    assert "Line 1: Missing column “area”. The columns are: number, area, title (optional)" in err


def test_a_file_from_a_spreadsheet_with_a_byte_order_mark_imports(tmp_path, areas):
    out, _ = run("import_paragraphs", write(tmp_path, "\ufeffNumber,Area\n1,training\n"))
    assert "1 created" in out


def test_a_file_in_another_encoding_is_refused_with_its_line(tmp_path, areas):
    path = write(tmp_path, "number,area,title\n1,training,Café\n", encoding="latin-1")
    _, err = fail("import_paragraphs", path)
    assert "Line 2: This is not UTF-8 text" in err


def test_semicolon_separated_file_gets_a_hint(tmp_path, areas):
    _, err = fail("import_paragraphs", write(tmp_path, "number;area\n1;training\n"))
    assert "separated by semicolons" in err


def test_an_empty_file_says_what_the_first_line_must_hold(tmp_path, areas):
    _, err = fail("import_paragraphs", write(tmp_path, ""))
    assert "Line 1: The file is empty. The first line must name the columns." in err
    _, err = fail("import_paragraphs", write(tmp_path, "number,area\n", "header.csv"))
    assert "no rows below the line that names the columns" in err


def test_a_missing_file_is_a_clear_error(tmp_path, db):
    message, _ = fail("import_paragraphs", str(tmp_path / "nowhere.csv"))
    assert "Cannot read" in message


# Ratings ------------------------------------------------------------------


@pytest.fixture
def paragraphs(areas):
    return [ParagraphFactory(number=n, area=areas[0]) for n in (153, 154, 155)]


RATINGS = """paragraph,level,note
153,Preliminary,
¶ 154,full,Met in practice.
155,Not yet in compliance,
"""


def test_ratings_import_for_a_report(tmp_path, report, paragraphs):
    out, _ = run("import_assessments", write(tmp_path, RATINGS), "--report", "IMR 11")
    assert "3 created" in out
    levels = dict(report.assessments.values_list("paragraph__number", "level"))
    assert levels == {153: Level.PRELIMINARY, 154: Level.FULL, 155: Level.NOT_IN_COMPLIANCE}
    assert report.assessments.get(paragraph__number=154).note == "Met in practice."


def test_importing_the_same_ratings_again_changes_nothing(tmp_path, report, paragraphs):
    path = write(tmp_path, RATINGS)
    run("import_assessments", path, "--report", report.title)
    before = snapshot()
    out, _ = run("import_assessments", path, "--report", report.title)
    assert "0 created, 0 updated, 3 unchanged" in out
    assert snapshot() == before


def test_a_corrected_rating_is_updated(tmp_path, report, paragraphs):
    run("import_assessments", write(tmp_path, RATINGS), "--report", report.title)
    out, _ = run(
        "import_assessments",
        write(tmp_path, "paragraph,level\n153,secondary\n", "fix.csv"),
        "--report",
        report.title,
    )
    assert "0 created, 1 updated, 0 unchanged" in out
    rating = report.assessments.get(paragraph__number=153)
    assert rating.level == Level.SECONDARY
    assert report.assessments.count() == 3
    # The change history keeps the rating as first imported, and says where each came from.
    versions = rating.history.order_by("history_date")
    assert [v.level for v in versions] == [Level.PRELIMINARY, Level.SECONDARY]
    assert {v.history_change_reason for v in versions} == {"Imported from a CSV file"}


def test_bad_ratings_are_all_listed_and_none_written(tmp_path, report, paragraphs):
    bad = "paragraph,level,note\n153,full,\n999,full,\n154,partial,\n155,,\n153,secondary,\n"
    message, err = fail("import_assessments", write(tmp_path, bad), "--report", report.title)
    assert "4 problems found; nothing was imported" in message
    assert "Line 3, column 1 (paragraph): There is no paragraph 999." in err
    assert "Line 4, column 2 (level): Unknown level “partial”. Use one of: not_in_compliance" in err
    assert "Line 5, column 2 (level): Empty." in err
    assert "Line 6, column 1 (paragraph): Paragraph 153 is also on line 2" in err
    assert ComplianceAssessment.objects.count() == 0


def test_an_unknown_report_lists_the_reports_there_are(tmp_path, report, paragraphs):
    message, _ = fail("import_assessments", write(tmp_path, RATINGS), "--report", "IMR 12")
    assert "No monitoring report is called “IMR 12”" in message
    assert "Independent Monitoring Report 11" in message


def test_a_large_file_reports_its_progress(tmp_path, report, areas):
    Paragraph.objects.bulk_create(Paragraph(number=n, area=areas[0]) for n in range(1, 2501))
    rows = "".join(f"{n},full\n" for n in range(1, 2501))
    out, _ = run(
        "import_assessments", write(tmp_path, "paragraph,level\n" + rows), "--report", report.title
    )
    assert "Checked 1000 of 2500 rows" in out
    assert "Checked 2000 of 2500 rows" in out
    assert "Created 2500 of 2500" in out
    assert report.assessments.count() == 2500


# The admin upload ------------------------------------------------------------


def upload(text, name="ratings.csv"):
    return SimpleUploadedFile(name, text.encode(), content_type="text/csv")


def test_staff_import_ratings_in_the_admin(staff_client, report, paragraphs):
    change = reverse("admin:areas_monitoringreport_change", args=[report.pk])
    assert reverse("admin:areas_monitoringreport_import", args=[report.pk]) in (
        staff_client.get(change).content.decode()
    )
    url = reverse("admin:areas_monitoringreport_import", args=[report.pk])
    response = staff_client.post(url, {"file": upload(RATINGS)}, follow=True)
    assert response.redirect_chain[-1][0] == change
    assert "Imported ratings.csv: 3 created, 0 updated, 0 unchanged." in response.content.decode()
    assert report.assessments.count() == 3
    assert {v.history_user.username for v in ComplianceAssessment.history.all()} == {"admin"}


def test_the_admin_upload_lists_every_problem_and_writes_nothing(staff_client, report, paragraphs):
    url = reverse("admin:areas_monitoringreport_import", args=[report.pk])
    response = staff_client.post(url, {"file": upload("paragraph,level\n153,full\n999,great\n")})
    html = response.content.decode()
    assert response.status_code == 200
    assert "2 problems found; nothing was imported." in html
    assert "Line 3, column 1 (paragraph): There is no paragraph 999." in html
    assert "Line 3, column 2 (level): Unknown level “great”." in html
    assert ComplianceAssessment.objects.count() == 0


def test_the_admin_refuses_a_file_that_is_not_text(staff_client, areas):
    url = reverse("admin:areas_paragraph_import")
    response = staff_client.post(
        url, {"file": SimpleUploadedFile("x.csv", b"\x89PNG\r\n\x1a\n\x00\x00")}
    )
    assert "This is not a CSV text file." in response.content.decode()


def test_staff_import_paragraphs_from_the_paragraph_list(staff_client, areas):
    changelist = reverse("admin:areas_paragraph_changelist")
    assert reverse("admin:areas_paragraph_import") in staff_client.get(changelist).content.decode()
    response = staff_client.post(
        reverse("admin:areas_paragraph_import"), {"file": upload(PARAGRAPHS, "paragraphs.csv")}
    )
    assert response.status_code == 302
    assert Paragraph.objects.count() == 3


def test_staff_without_permission_to_change_paragraphs_cannot_import(
    client, django_user_model, areas
):
    user = django_user_model.objects.create_user("viewer", password="pw", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="view_paragraph"))
    client.force_login(user)
    response = client.post(reverse("admin:areas_paragraph_import"), {"file": upload(PARAGRAPHS)})
    assert response.status_code == 403
    assert Paragraph.objects.count() == 0
