"""Staff imports of decree paragraphs and a report's ratings from CSV files.

Both the management commands and the admin upload use these classes. Every
row is checked before anything is written, and every problem is reported with
its line and column; only a file without problems is written, in one
transaction. Importing the same file twice changes nothing the second time.
"""

import csv
import io
import re
from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from core.content_version import content_changed

from .models import Area, ComplianceAssessment, Level, Paragraph

BATCH = 1000
# Each imported row's version in the change history says where it came from.
IMPORT_REASON = "Imported from a CSV file"
# Files with more rows than this report their progress as they go.
PROGRESS_EVERY = 1000


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the file, where it is and what to do about it."""

    line: int
    message: str
    column: str = ""
    column_number: int = 0

    def __str__(self):
        if self.column:
            return _("Line %(line)s, column %(number)s (%(column)s): %(message)s") % {
                "line": self.line,
                "number": self.column_number,
                "column": self.column,
                "message": self.message,
            }
        return _("Line %(line)s: %(message)s") % {"line": self.line, "message": self.message}


class ImportFailed(Exception):
    """The file has problems; nothing was written."""

    def __init__(self, problems):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


@dataclass
class ImportResult:
    """What an import wrote: counts of records created and updated."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0

    def __str__(self):
        return _("%(created)s created, %(updated)s updated, %(unchanged)s unchanged.") % {
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
        }


def parse_paragraph_number(value):
    """``123`` from "123", "¶ 123" or "¶123"; None if it is not a paragraph number."""
    match = re.fullmatch(r"(?:¶\s*)?(\d{1,9})", value.strip())
    return int(match.group(1)) if match and int(match.group(1)) > 0 else None


LEVEL_NAMES = {
    **{level.value: level for level in Level},
    **{str(level.label).lower(): level for level in Level},
    "not in compliance": Level.NOT_IN_COMPLIANCE,
    "not assessed": Level.NOT_ASSESSED,
}


def parse_level(value):
    """A Level from its code ("full") or its name ("Full"), in any case; else None."""
    return LEVEL_NAMES.get(re.sub(r"\s+", " ", value.strip().lower()))


class CSVImport:
    """Read, check, then write: the steps both imports share.

    Subclasses name their columns and implement ``check_row`` (which returns a
    value to keep or records problems) and ``write``.
    """

    required = ()
    optional = ()

    # Both imports keep rows as tuples whose first item is the paragraph number,
    # which is what makes two rows duplicates of each other.
    def key(self, value):
        return value[0]

    def describe(self, key):
        return _("Paragraph %(number)s") % {"number": key}

    @classmethod
    def columns(cls):
        """[(name, required)] for help texts."""
        return [(name, True) for name in cls.required] + [(name, False) for name in cls.optional]

    def __init__(self, progress=None):
        self.progress = progress or (lambda message: None)
        self.problems = []

    # Reading ---------------------------------------------------------------

    def problem(self, line, message, column=""):
        number = self.header.index(column) + 1 if column in getattr(self, "header", []) else 0
        self.problems.append(Problem(line, message, column, number))

    def value(self, line, values, column, wanted):
        """A required cell's value, or "" after recording that it is empty."""
        value = values.get(column, "")
        if not value:
            self.problem(line, _("Empty. Give %(wanted)s.") % {"wanted": wanted}, column)
        return value

    def paragraph_number(self, line, values, column):
        """The paragraph number in ``column``, or None (with a problem noted if it is not one)."""
        raw = self.value(line, values, column, _("a paragraph number such as 123"))
        number = parse_paragraph_number(raw) if raw else None
        if raw and number is None:
            self.problem(
                line,
                _("“%(value)s” is not a paragraph number. Give a whole number such as 123.")
                % {"value": raw},
                column,
            )
        return number

    def read(self, data):
        """The data rows as (line, {column: value}) after checking the header line."""
        if isinstance(data, bytes):
            if b"\x00" in data[:8192]:
                self.problems.append(
                    Problem(1, _("This is not a CSV text file. Export the sheet as CSV UTF-8."))
                )
                return []
            try:
                text = data.decode("utf-8-sig")
            except UnicodeDecodeError as error:
                line = data[: error.start].count(b"\n") + 1
                self.problems.append(
                    Problem(
                        line,
                        _(
                            "This is not UTF-8 text. Save the file as “CSV UTF-8” "
                            "from the spreadsheet and try again."
                        ),
                    )
                )
                return []
        else:
            text = data
        reader = csv.reader(io.StringIO(text, newline=""))
        try:
            header = next(reader, None)
        except csv.Error as error:
            self.problems.append(Problem(1, str(error)))
            return []
        if not header or not any(cell.strip() for cell in header):
            self.problems.append(
                Problem(1, _("The file is empty. The first line must name the columns."))
            )
            return []
        self.header = [re.sub(r"\s+", "_", cell.strip().lower()) for cell in header]
        if not self.check_header(header):
            return []
        rows = []
        line = reader.line_num
        try:
            for cells in reader:
                start, line = line + 1, reader.line_num
                if not any(cell.strip() for cell in cells):
                    continue
                if len(cells) > len(self.header):
                    self.problems.append(
                        Problem(
                            start,
                            _(
                                "%(found)s values, but the first line names %(named)s "
                                "columns. Check for a stray comma or an unquoted value."
                            )
                            % {"found": len(cells), "named": len(self.header)},
                        )
                    )
                    continue
                values = dict(zip(self.header, (cell.strip() for cell in cells), strict=False))
                rows.append((start, values))
        except csv.Error as error:
            self.problems.append(Problem(line + 1, str(error)))
        if not rows and not self.problems:
            self.problems.append(
                Problem(2, _("The file has no rows below the line that names the columns."))
            )
        return rows

    def check_header(self, raw_header):
        expected = ", ".join([*self.required, *(f"{c} (optional)" for c in self.optional)])
        ok = True
        if len(raw_header) == 1 and ";" in raw_header[0]:
            self.problems.append(
                Problem(
                    1,
                    _(
                        "The columns are separated by semicolons. Save the file as CSV "
                        "with commas between columns."
                    ),
                )
            )
            return False
        seen = set()
        for number, name in enumerate(self.header, start=1):
            if name in seen:
                self.problems.append(
                    Problem(1, _("This column is named twice; keep one."), name, number)
                )
                ok = False
            seen.add(name)
            if name not in self.required and name not in self.optional:
                self.problems.append(
                    Problem(
                        1,
                        _("Unknown column. The columns are: %(expected)s.")
                        % {"expected": expected},
                        name or _("(no name)"),
                        number,
                    )
                )
                ok = False
        for name in self.required:
            if name not in self.header:
                self.problems.append(
                    Problem(
                        1,
                        _("Missing column “%(name)s”. The columns are: %(expected)s.")
                        % {"name": name, "expected": expected},
                    )
                )
                ok = False
        return ok

    # Running ---------------------------------------------------------------

    def run(self, data):
        """Check everything, then write everything or nothing. Raises ImportFailed."""
        rows = self.read(data)
        if self.problems:
            raise ImportFailed(self.problems)
        self.prepare()
        checked = []
        for done, (line, values) in enumerate(rows, start=1):
            checked.append((line, self.check_row(line, values)))
            if len(rows) > PROGRESS_EVERY and done % PROGRESS_EVERY == 0:
                self.progress(
                    _("Checked %(done)s of %(total)s rows…") % {"done": done, "total": len(rows)}
                )
        self.check_all(checked)
        if self.problems:
            raise ImportFailed(sorted(self.problems, key=lambda p: (p.line, p.column_number)))
        with transaction.atomic():
            result = self.write([value for _line, value in checked])
            content_changed()  # written in bulk, without model signals
            return result

    def prepare(self):
        """Load what checking needs, in a fixed number of queries."""

    def check_all(self, checked):
        """Checks across rows, such as duplicates."""
        seen = {}
        for line, value in checked:
            if value is None:
                continue
            key = self.key(value)
            if key in seen:
                self.problem(
                    line,
                    _("%(what)s is also on line %(other)s. Keep one row for it.")
                    % {"what": self.describe(key), "other": seen[key]},
                    self.required[0],
                )
            else:
                seen[key] = line

    def in_batches(self, objects, action, verb):
        for start in range(0, len(objects), BATCH):
            action(objects[start : start + BATCH])
            done = min(start + BATCH, len(objects))
            if len(objects) > PROGRESS_EVERY:
                self.progress(
                    _("%(verb)s %(done)s of %(total)s…")
                    % {"verb": verb, "done": done, "total": len(objects)}
                )


class ParagraphImport(CSVImport):
    """Columns: number, area (its slug or title), and optionally title and text.

    A paragraph that exists is updated; a title or text column that is absent
    from the file leaves those fields as they are.
    """

    required = ("number", "area")
    optional = ("title", "text")

    def prepare(self):
        self.areas = {}
        titles = {}
        for area in Area.objects.all():
            self.areas[area.slug.lower()] = area
            titles.setdefault(area.title.lower(), []).append(area)
        for title, found in titles.items():
            # A title names an area only when no other area has the same title.
            if len(found) == 1:
                self.areas.setdefault(title, found[0])

    def check_row(self, line, values):
        ok = True
        number = self.paragraph_number(line, values, "number")
        raw = self.value(line, values, "area", _("the area's slug or title"))
        area = self.areas.get(raw.lower()) if raw else None
        if raw and area is None:
            slugs = ", ".join(sorted(a.slug for a in set(self.areas.values()))) or _("(none)")
            self.problem(
                line,
                _("No area “%(value)s”. Give an area's slug or title; the slugs are: %(slugs)s.")
                % {"value": raw, "slugs": slugs},
                "area",
            )
        if len(values.get("title", "")) > Paragraph._meta.get_field("title").max_length:
            self.problem(line, _("Longer than 200 characters; shorten the title."), "title")
            ok = False
        if number is None or area is None or not ok:
            return None
        fields = {"area": area}
        for name in self.optional:
            if name in values:
                fields[name] = values[name]
        return number, fields

    def write(self, values):
        result = ImportResult()
        existing = Paragraph.objects.in_bulk([number for number, _f in values], field_name="number")
        new, changed, changed_fields = [], [], set()
        for number, fields in values:
            paragraph = existing.get(number)
            if paragraph is None:
                new.append(Paragraph(number=number, **fields))
                continue
            differs = [name for name, value in fields.items() if getattr(paragraph, name) != value]
            if differs:
                for name in differs:
                    setattr(paragraph, name, fields[name])
                changed.append(paragraph)
                changed_fields.update(differs)
            else:
                result.unchanged += 1
        self.in_batches(
            new,
            lambda batch: bulk_create_with_history(
                batch, Paragraph, default_change_reason=IMPORT_REASON
            ),
            _("Created"),
        )
        if changed:
            self.in_batches(
                changed,
                lambda batch: bulk_update_with_history(
                    batch, Paragraph, sorted(changed_fields), default_change_reason=IMPORT_REASON
                ),
                _("Updated"),
            )
        result.created, result.updated = len(new), len(changed)
        return result


class AssessmentImport(CSVImport):
    """Columns: paragraph, level, and optionally note; for one monitoring report.

    A paragraph's existing rating in the report is updated. Ratings of
    paragraphs that are not in the file are left as they are.
    """

    required = ("paragraph", "level")
    optional = ("note",)

    def __init__(self, report, progress=None):
        super().__init__(progress)
        self.report = report

    def prepare(self):
        self.paragraphs = dict(Paragraph.objects.values_list("number", "pk"))

    def check_row(self, line, values):
        number = self.paragraph_number(line, values, "paragraph")
        if number is not None and number not in self.paragraphs:
            self.problem(
                line,
                _(
                    "There is no paragraph %(number)s. Check the number, or import the "
                    "paragraphs first."
                )
                % {"number": number},
                "paragraph",
            )
            number = None
        levels = ", ".join(level.value for level in Level)
        raw = self.value(line, values, "level", _("one of: %(levels)s") % {"levels": levels})
        level = parse_level(raw) if raw else None
        if raw and level is None:
            self.problem(
                line,
                _("Unknown level “%(value)s”. Use one of: %(levels)s.")
                % {"value": raw, "levels": levels},
                "level",
            )
        if number is None or level is None:
            return None
        return number, level, values.get("note")

    def write(self, values):
        result = ImportResult()
        existing = {
            a.paragraph_id: a for a in ComplianceAssessment.objects.filter(report=self.report)
        }
        new, changed = [], []
        for number, level, note in values:
            paragraph_id = self.paragraphs[number]
            assessment = existing.get(paragraph_id)
            if assessment is None:
                new.append(
                    ComplianceAssessment(
                        paragraph_id=paragraph_id, report=self.report, level=level, note=note or ""
                    )
                )
            elif assessment.level != level or (note is not None and assessment.note != note):
                assessment.level = level
                if note is not None:
                    assessment.note = note
                changed.append(assessment)
            else:
                result.unchanged += 1
        self.in_batches(
            new,
            lambda batch: bulk_create_with_history(
                batch, ComplianceAssessment, default_change_reason=IMPORT_REASON
            ),
            _("Created"),
        )
        self.in_batches(
            changed,
            lambda batch: bulk_update_with_history(
                batch, ComplianceAssessment, ["level", "note"], default_change_reason=IMPORT_REASON
            ),
            _("Updated"),
        )
        result.created, result.updated = len(new), len(changed)
        return result
