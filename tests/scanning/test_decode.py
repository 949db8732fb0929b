"""The one decode path (camera frames and `scan --image`) on generated pictures."""
from __future__ import annotations

import random
from pathlib import Path

import pytest
from PIL import Image

from checkin.scanning.decode import (
    FrameReader,
    ImageError,
    Reading,
    centre,
    load_image,
    read_codes,
    read_file,
    read_picture,
    scaled_down,
)
from tests.scanning.pictures import as_frame_image, as_qimage, blurred, centred, faded, scene, ticket, turned

# The code alphabets in use: our own, pretix's random secrets, a CSV code with symbols.
CODE = "Ab-Yz/09xY+="
PRETIX = "x3yzqp7ak2fthe9b8rgmsw4cjdun6v5"


@pytest.mark.parametrize(("box", "frame"), [
    (2, (1280, 720)),      # ~70 px on a 720p frame: a ticket at arm's length
    (4, (1280, 720)),
    (16, (1280, 720)),
    (20, (1280, 960)),     # fills the frame
])
def test_codes_of_every_size_in_a_frame_are_read(box, frame):
    assert read_codes(as_frame_image(centred(ticket(CODE, box=box), frame))) == Reading((CODE,))


def test_a_bare_tiny_code_is_read():
    assert read_codes(as_qimage(ticket(PRETIX, box=1))).code == PRETIX


@pytest.mark.parametrize("degrees", [0, 90, 45, 180, 17])
def test_turned_codes_are_read(degrees):
    assert read_codes(as_frame_image(centred(turned(ticket(PRETIX, box=6), degrees)))).code == PRETIX


@pytest.mark.parametrize("radius", [1, 2, 3])
def test_blurred_codes_are_read(radius):
    assert read_codes(as_frame_image(centred(blurred(ticket(CODE, box=8), radius)))).code == CODE


def test_a_code_blurred_beyond_reading_gives_nothing_not_garbage():
    assert read_codes(as_frame_image(centred(blurred(ticket(CODE, box=8), 10)))) == Reading(())


@pytest.mark.parametrize(("dark", "light"), [(100, 160), (120, 150), (0, 60), (200, 255)])
def test_low_contrast_codes_are_read(dark, light):
    assert read_codes(as_frame_image(centred(faded(ticket(CODE, box=8), dark, light)))).code == CODE


def test_two_codes_in_one_frame_are_both_reported_and_none_is_chosen():
    frame = scene((1280, 720), (ticket("AAA-1"), (80, 100)), (ticket("BBB-2"), (700, 100)))
    reading = read_codes(as_frame_image(frame))
    assert set(reading.codes) == {"AAA-1", "BBB-2"}
    assert reading.several and reading.code is None


def test_the_same_ticket_twice_is_one_code():
    frame = scene((1280, 720), (ticket("AAA-1"), (80, 100)), (ticket("AAA-1"), (700, 100)))
    assert read_codes(as_frame_image(frame)) == Reading(("AAA-1",))


def test_frames_without_a_code_give_nothing():
    rng = random.Random(3)
    noise = Image.frombytes("L", (640, 360), bytes(rng.randrange(256) for _ in range(640 * 360)))
    for picture in (scene((1280, 720)), noise, scene((1280, 720), background=0)):
        reading = read_codes(as_frame_image(picture))
        assert reading == Reading(()) and reading.code is None and not reading.several


def test_large_frames_alternate_the_whole_view_and_the_centre():
    small_in_the_middle = as_frame_image(centred(ticket(CODE, box=2), (3840, 2160)))
    large_off_centre = as_frame_image(scene((3840, 2160), (ticket(PRETIX, box=40), (40, 40))))
    reader = FrameReader()
    # The whole view scaled down to 1280 px loses the small code; the centre at full size has it.
    assert [reader.read(small_in_the_middle).code for _ in range(2)] == [None, CODE]
    assert [reader.read(large_off_centre).code for _ in range(2)] == [PRETIX, None]


def test_scaling_keeps_the_shape_and_leaves_small_pictures_alone():
    frame = as_frame_image(scene((3840, 2160)))
    assert scaled_down(frame).size().toTuple() == (1280, 720)
    assert centre(frame).size().toTuple() == (1280, 720)
    small = as_frame_image(scene((640, 480)))
    assert scaled_down(small) is small


def test_a_photo_with_a_small_code_is_read_at_full_size_when_scaled_down_finds_nothing():
    photo = as_qimage(scene((4000, 3000), (ticket("SMALL-1", box=3), (1900, 1400))))
    assert read_codes(scaled_down(photo, smooth=True)).code is None
    assert read_picture(photo).code == "SMALL-1"


@pytest.mark.parametrize("suffix", ["png", "jpg", "webp", "bmp"])
def test_files_are_read(tmp_path: Path, suffix):
    path = tmp_path / f"ticket.{suffix}"
    centred(ticket(CODE, box=6), (800, 600)).convert("RGB").save(path)
    assert read_file(path).code == CODE


def test_a_photo_taken_sideways_is_turned_upright_by_its_exif_orientation(tmp_path: Path):
    path = tmp_path / "sideways.jpg"
    picture = scene((600, 400), (ticket(CODE, box=4), (20, 20))).convert("RGB")
    exif = Image.Exif()
    exif[0x0112] = 6  # "rotate 90° clockwise to view"
    picture.save(path, exif=exif)
    assert load_image(path).size().toTuple() == (400, 600)
    assert read_file(path).code == CODE


def test_a_file_that_is_no_picture_is_a_one_line_error(tmp_path: Path):
    text = tmp_path / "notes.png"
    text.write_text("not a picture\n", encoding="utf-8")
    for path in (text, tmp_path / "missing.png", tmp_path):
        with pytest.raises(ImageError) as raised:
            read_file(path)
        assert str(path) in str(raised.value) and "\n" not in str(raised.value)
