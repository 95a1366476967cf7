"""Test images, made in memory with Pillow: good ones, and each kind of bad one."""

from io import BytesIO

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import ExifTags, Image

# Where the test photo says it was taken: Chicago City Hall.
GPS_LATITUDE = (41.0, 53.0, 1.0)
GPS_LONGITUDE = (87.0, 37.0, 55.0)


def photo_exif(orientation=1):
    """EXIF as a phone writes it: camera, time, orientation and a GPS position."""
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "PhoneMaker"
    exif[ExifTags.Base.Model] = "Phone 12"
    exif[ExifTags.Base.DateTime] = "2026:05:01 18:30:00"
    exif[ExifTags.Base.Orientation] = orientation
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = GPS_LATITUDE
    gps[ExifTags.GPS.GPSLongitudeRef] = "W"
    gps[ExifTags.GPS.GPSLongitude] = GPS_LONGITUDE
    return exif


def picture(width, height):
    """A picture with some detail (a gradient), so encoders have work to do."""
    gradient = Image.linear_gradient("L").resize((width, height))
    return Image.merge("RGB", (gradient, gradient.rotate(90), Image.new("L", (width, height), 90)))


def jpeg_bytes(width=2000, height=1200, orientation=1, gps=True):
    out = BytesIO()
    exif = photo_exif(orientation) if gps else Image.Exif()
    picture(width, height).save(
        out, "JPEG", quality=85, exif=exif, comment=b"taken at the meeting, 41.88 -87.63"
    )
    return out.getvalue()


def encoded(image_format, width=800, height=600, **options):
    out = BytesIO()
    picture(width, height).save(out, image_format, **options)
    return out.getvalue()


def svg_bytes():
    return (
        b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
        b"<script>alert(1)</script><rect width='10' height='10'/></svg>"
    )


def bomb_bytes():
    """A real decompression bomb: a PNG of a few kilobytes that unpacks to 100 megapixels."""
    out = BytesIO()
    Image.new("1", (10_000, 10_000)).save(out, "PNG", optimize=True)
    return out.getvalue()


def upload(name, data, content_type="image/jpeg"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def open_stored(storage, name):
    with storage.open(name, "rb") as stored:
        data = stored.read()
    image = Image.open(BytesIO(data))
    image.load()
    return image, data
