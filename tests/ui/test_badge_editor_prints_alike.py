"""What the layout editor shows is what `checkin badges` prints: the layout saved in the window,
rendered by the CLI, gives the same pixels as the window's preview of the same guest."""
from __future__ import annotations

from PIL import Image

from checkin.cli import main
from checkin.sync.demo import create_demo_event
from checkin.ui.badge_editor import BadgeEditor
from checkin.ui.badge_pdf import pdf_pages


def test_the_cli_prints_the_saved_layout_exactly_as_previewed(qtbot, settings, database, db_url, tmp_path):
    with database.session() as session:
        demo = create_demo_event(session, 1, seed=11)  # one guest: the CLI's batch is that badge
    settings.set("badge_stock", "dymo-11356")
    editor = BadgeEditor(settings, database, demo.event_id)
    qtbot.addWidget(editor)
    with qtbot.waitSignal(editor.previewer.guests_loaded, timeout=20000):
        pass
    logo = tmp_path / "logo.png"
    Image.new("RGB", (90, 30), (20, 120, 200)).save(logo)
    assert editor.add_picture(logo)
    # the picture moved to the right, and a colour band added
    picture = editor.layout_data.elements[-1]
    picture.x = editor.layout_data.width - picture.width - 1
    editor.commit("move")
    editor.tools.add_band_button.click()
    editor.name_edit.setText("Prints alike")
    key = editor.save()
    assert key == "user:prints-alike", editor.status.text()
    editor.guest_box.setCurrentIndex(0)
    with qtbot.waitSignal(editor.preview_updated, timeout=20000) as shown:
        editor.refresh_preview()
    preview = shown.args[0]
    out = tmp_path / "cli.pdf"
    assert main(["--db", db_url, "badges", "--layout", key, "--stock", "dymo-11356", "--out", str(out)]) == 0
    [printed] = pdf_pages(out.read_bytes(), editor.preview_dpi)
    assert editor.current_guest().registration_id is not None, "the preview shows the database's guest"
    assert printed.size() == preview.size()
    assert printed == preview
    editor.previewer.wait_for_done()
