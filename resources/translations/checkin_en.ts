<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>About</name>
    <message>
        <source>frozen (PyInstaller)</source>
        <extracomment>The libraries the desk is built on and ships inside a frozen build.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Python package</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Check-in Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Check-in Desk&lt;/b&gt; {0} ({1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Licence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Libraries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bundled fonts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check-in Desk itself is licensed under the Apache License 2.0.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Answer</name>
    <message>
        <source>Goodbye!</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome!</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already checked in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a ticket code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket for another event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket revoked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registration cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not valid for this list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not valid yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No longer valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked in at {time} at desk {desk}. Do not let the ticket in twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} was never checked in. Is this desk in exit mode by mistake?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exit recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No registration has this code. Search the guest by name instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a ticket code. Scan the QR code on the ticket.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This ticket belongs to another event.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ticket is not valid yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ticket is no longer valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This ticket belongs to another event: {event}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ticket is valid from {time}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ticket was valid until {time}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ticket was re-issued. Ask the guest for the newest ticket.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never checked in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This registration was cancelled. Send the guest to the organisers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This registration is not paid. Send the guest to the organisers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ticket type does not admit to this list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This scanner types with a {scanner} keyboard layout but this computer uses {computer}: set the scanner to {computer} (or the computer to {scanner}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>US</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>German</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>French</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Swiss German</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry not permitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The list&apos;s entry rules refuse this ticket now: {reason}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AnswerCard</name>
    <message>
        <source>Answer</source>
        <extracomment>(background, text) per severity; the high-contrast set is for bright halls and weak eyes. &quot;exit&quot; is the desk in exit mode (waiting, or a guest leaving): its own colour, never green. The card was painted (for benchmarks and tests: &quot;the answer is on screen&quot;). In exit mode the whole card says so: a banner, and its own colour when waiting or saying goodbye. Layout mix-ups the desk was told how to fix (once each), and the answer that told it.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attention: see the notes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EXIT: ready to scan guests leaving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scans now record guests leaving, not arriving. Ctrl+E returns to entry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready to scan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan a ticket, type its code, or search a guest by name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EXIT MODE · scans record guests leaving · Ctrl+E: entry</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BadgeBatchWindow</name>
    <message>
        <source>Print badges</source>
        <extracomment>Wait this long after the last change of a choice before counting and previewing it again.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All ticket types</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Surname</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Company, then surname</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only guests whose badge was not printed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark these badges as printed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sort by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Badge stock:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layout:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counting badges…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On the right: the first sheet, as it will print.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pretix&apos;s layout for each guest&apos;s product when the event has pretix layouts, else the built-in layout that suits the stock</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n badge(s) in this batch.</source>
        <translation>
            <numerusform>%n badge in this batch.</numerusform>
            <numerusform>%n badges in this batch.</numerusform>
        </translation>
    </message>
    <message>
        <source>No guest matches this choice: no badges to print.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This choice cannot print: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the badges as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No badge printer is chosen for this desk: choose one in Tools → Choose the badge printer…, or save the batch as a PDF.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rendering the badges…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marking the badges as printed…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent to {0}, but not marked as printed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The badges were sent to {0}, but could not be marked as printed:

{1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n badge(s) on {0} page(s) sent to {1}.</source>
        <translation>
            <numerusform>%n badge on {0} page(s) sent to {1}.</numerusform>
            <numerusform>%n badges on {0} page(s) sent to {1}.</numerusform>
        </translation>
    </message>
    <message>
        <source>They are marked as printed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The batch failed; nothing was marked as printed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The badges were not printed or saved, and none is marked as printed.

{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled: no file was written and no badge is marked as printed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Badges</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BadgeEditor</name>
    <message>
        <source>Badge layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as my layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset to the stock&apos;s layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sample guest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag an element to move it, its corner to resize it; the arrow keys move it by 0.5 mm, with Shift by 5 mm. Lines show where it lines up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Band: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QR code: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename the layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move with the arrow keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move or resize</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the element</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add an element</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pictures (*.png *.jpg *.jpeg *.svg *.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picture not added: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove an element</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved as {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the changes to this layout as your own before closing?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BadgeFailureAlert</name>
    <message>
        <source>A badge was not printed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n badge(s) were not printed.</source>
        <translation>
            <numerusform>%n badge was not printed.</numerusform>
            <numerusform>%n badges were not printed.</numerusform>
        </translation>
    </message>
    <message>
        <source>{0}

Check the printer; the guests are checked in, and each badge can be printed again from the guest&apos;s details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Badge not printed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BadgeField</name>
    <message>
        <source>Title</source>
        <extracomment>Every guest value a layout can place, declared once: the placeholders a layout accepts (checkin.badges.layout.PLACEHOLDERS) and the layout editor&apos;s &quot;Add text&quot; list come from here.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Given name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Family name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name (given and family)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full name with title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Company</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket code</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BadgePictures</name>
    <message>
        <source>{0} is not a PNG, JPEG, SVG or PDF file.</source>
        <extracomment>Long side of the PNG drawn from an SVG or PDF: about 600 dpi on a 10 cm sponsor strip.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} cannot be read: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} is not a picture (it cannot be read as {1}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The picture cannot be saved: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} is not an SVG picture.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} is not a PDF file that can be read.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BadgePrintService</name>
    <message>
        <source>Choose the badge printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Badge not printed: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No badge printer is chosen for this desk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Badge {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BadgeStock</name>
    <message>
        <source>{title}: {size}, front and back on one A4 page</source>
        <extracomment>The translation context of the stock titles and descriptions (the UI translates them). Top-left corner of the back panel on fold stock (the front sits at the first label).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title}: {size}, {count} per {width} × {height} mm sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title}: {size} (continuous roll)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A6 portrait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A4 with 4 × A6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A6 fold (A4 folded in four)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CR80 / ID-1 card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HERMA 4412 name badge labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DURABLE 1445 badge inserts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DURABLE 1456 badge inserts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avery L4785 name badge labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Brother QL 62 mm continuous, cut at 100 mm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Brother DK-11234 name badge labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DYMO 11356 name badge labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zebra 4 × 3 in label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zebra 4 × 6 in label</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BadgeTools</name>
    <message>
        <source>Badge &amp;layout…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print &amp;badges…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the badge &amp;printer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print badges</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No event is open: open the demo event or import one first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CameraPanel</name>
    <message>
        <source>No camera found. Connect a webcam (Desk → Settings… chooses which one); until then, scan with the scanner or type the code.</source>
        <extracomment>Builds the feed for a camera id (&quot;&quot; = the system&apos;s default), or None when there is no such camera. A code the camera read (not again while it stays in view): the desk scans it. Two or more different codes in one frame: nobody may be checked in. Something the desk should hear about beyond the panel (the camera was lost).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The camera stopped ({0}). Scanning goes on with the scanner and the keyboard; the camera resumes when it is connected again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan QR codes with the webcam; its picture shows in the window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Camera picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system&apos;s default camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} (not connected)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CardBadge</name>
    <message>
        <source>Print badge</source>
        <extracomment>How long the card shows a check-in before its badge is rendered.</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ColourButton</name>
    <message>
        <source>Choose a colour</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <source>Connect to a pretix server</source>
        <extracomment>A person waits on these: one retry, not the background sync&apos;s four. Smaller write batches than the background sync&apos;s (20 pages): progress moves and Cancel answers sooner (tests/perf/test_connect_perf.py measures the cost). A connect links an event and downloads its guests. ConnectResult and SyncSummary of a connect whose first download finished. The dialog closed without a finished download, once no download writes any more; the event may be linked already (the next sync goes on where this one stopped).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That was not a pretix setup code. Scan the code pretix shows under Organizer → Devices → Connect device.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Connect and download</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan or paste the setup code, or give the address and an API token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the event and the check-in list this desk admits to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacting the server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan or paste pretix&apos;s setup code first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the events…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This organiser has no events in pretix yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the check-in lists…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This event has no check-in list: create one in pretix first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to “{0}”…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloading the registrations: page {0} of {1}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected, but the download stopped: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} registrations downloaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pretix sent an answer this version does not understand ({0}).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectPages</name>
    <message>
        <source>In pretix, open Organizer → Devices → Connect device and scan the code it shows (or paste its text). Without a device, use the server address and an organiser API token (Organizer → Teams → API tokens).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setup code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Setup code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server &amp;address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API &amp;token:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address and API &amp;token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Organiser:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organiser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Event:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check-in &amp;list:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check-in list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download progress</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Something went wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An error occurred. Check-ins confirmed so far are saved and the desk keeps running. Please send the diagnostics below to your organiser.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy diagnostics</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <source>Share of expected guests checked in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check-ins per ticket type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check-ins per desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arrivals per 15 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In / expected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check-ins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No event open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} of {1} guests are in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Walk-ins: {0} · Cancelled: {1} · Refused scans: {2} · List: {3}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arrivals</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DatabaseTroubleLine</name>
    <message>
        <source>Database problem: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk is full</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another program holds the database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database cannot be written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk reported an error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The venue database does not answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database reported an error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free some space on this computer&apos;s disk; check-ins saved before are kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another desk or program is writing to the database (an import?). Wait for it to finish or close it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database file or its folder is read-only: call the organiser.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk may be failing or was removed: call the organiser; check-ins saved before are kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the venue network and the database server; the organiser can help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If it happens again, call the organiser; the details are in the log file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trying again by itself in {0} seconds…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The check-in is saved whole or not at all: scan again to see which.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was checked in: scan again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was undone: try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was changed: try again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeskController</name>
    <message>
        <source>No event is open: open the demo event or import one first.</source>
        <extracomment>How long an action that met another program&apos;s lock waits before its one retry. The action is tried once more in LOCK_RETRY_MS. The connection broke at the commit: the check-in is saved whole or not at all. The desk knows its event and list (or None: the database holds no event yet). A ScanResult: a scan, a check-in from search or details, or a walk-in. An UndoResult, or None when there was nothing to undo. A request failed; the text is for the desk. The database failed a request (a DatabaseTrouble); the desk says what to do. An action succeeded after database trouble: the trouble is over. Where the desk reads (on a lane): the database, or the venue copy while the server is away. Builds the service for an event (e.g. pretix&apos;s online-first desk); plain DeskService without. (event slug, list id) as stored in the database for this desk. Scans that arrived while the event was still being read: answered once it is.</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeskDialogs</name>
    <message>
        <source>Undo the exit of {name} at {time} at desk {desk}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo the check-in of {name} at {time} at desk {desk}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo last check-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only this check-in is undone, even if more guests are scanned while this question is open.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeskStatusBar</name>
    <message>
        <source>Desk: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync: this desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>another desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync: nobody</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncs with pretix for every desk on this database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No desk syncs with pretix now; a desk with the pretix token takes over within seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last successful sync: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last error ({0}): {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queued uploads: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeskToolbar</name>
    <message>
        <source>Desk actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Walk-in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo last check-in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;ntry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the &amp;scan field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find a guest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the &amp;dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details of the selected &amp;guest…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As the &amp;system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scans record guests coming in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scans record guests leaving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Check-in &amp;list: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check-in list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EditorTools</name>
    <message>
        <source>Add text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add QR code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add picture…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add colour band</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove element</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset to the stock&apos;s layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free text</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ElementForm</name>
    <message>
        <source>Left (mm)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top (mm)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Width (mm)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Height (mm)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size (mm)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Font size (pt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smallest font size (pt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QR content</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Band colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per ticket type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insert a guest field…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Centre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alignment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lines at most</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Welcome to Check-in Desk</source>
        <extracomment>The choices, in order. A choice without a handler is shown but disabled (its feature is not installed in this build yet).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This desk has no event yet. How do you want to start?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the &amp;demo event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>500 made-up guests to try scanning, searching and walk-ins. Needs no server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import a file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registrations from a CSV or Excel file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Connect to a server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download the registrations from pretix.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Join a venue database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work with the other desks on the venue&apos;s shared PostgreSQL database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not available in this version yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GuestBadgePreview</name>
    <message>
        <source>Rendering the badge…</source>
        <extracomment>The preview&apos;s largest side on screen, in pixels (a 90 mm badge at about 100 dpi).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pretix prints no badge for this guest&apos;s product.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Badge preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No badge preview: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GuestDialog</name>
    <message>
        <source>Notes</source>
        <extracomment>The notes as last saved or loaded: anything else typed is asked about on closing.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check-in log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check &amp;in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo last check-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Print badge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Badge printing is not set up on this desk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check-ins on this list:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guest: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No check-ins yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in since {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not checked in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Company</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Walk-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (undone)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the notes you typed for {0}?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GuestImport</name>
    <message>
        <source>&amp;Import guests from a file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import guests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guest lists (*.csv *.txt *.tsv *.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <source>Diagnostics copied: paste them into a message.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Check-in Desk…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy &amp;diagnostics</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import guests from {0}</source>
        <extracomment>An import adds guests and may create the event.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading {0} …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— not imported —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step 1 of 3: which column holds what?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a column: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} guests · {1} · header in line {2} · the preview shows the first rows as they will be imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling … nothing is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step 3 of 3: check before anything is written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done: the guests are in the event. Close when you have read the summary.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step 2 of 3: which of the event&apos;s ticket types and statuses is each value in the file?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a status for: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import {0} guests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the file …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing … the desk keeps scanning meanwhile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import cancelled: nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was imported:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportFields</name>
    <message>
        <source>ID</source>
        <extracomment>The translation context of the field labels and mapping problems (the import dialog translates them). The fields a guest list can fill, in the order the mapping dialog shows them.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Salutation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Company or organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no column for the guests&apos; names (Vorname/First name or Nachname/Last name)</source>
        <extracomment>field key -&gt; column index in the table</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportPreview</name>
    <message>
        <source>Line {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JoinVenueDialog</name>
    <message>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Permissions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Temporary tables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network speed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Join a venue database</source>
        <extracomment>The venue login and its password, once tested ok and Join was pressed.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Several desks share one PostgreSQL database on the venue network: every desk sees every check-in at once. Ask the organiser for these details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 192.168.1.10 or venue-server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Test the connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Join</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please fill in: {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Testing the connection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the host (without spaces)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the database (without spaces)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the user (without spaces)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✔ This desk can work on this database. Press Join to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✘ This desk cannot work on this database yet ({0}). Fix the lines marked ✘ and test again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✘ The test could not run: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>No event yet</source>
        <extracomment>Keys line edits claim for themselves that the desk needs more: undo the check-in (not the typed text), entry and exit mode (Ctrl+E is &quot;end of line&quot; in X11 line edits). (Key sequences are made once the application exists: a standard key needs its platform.) The desk knows its event and list and takes scans (or None: no event yet). The settings were edited and saved; services the window does not own apply them too. The app&apos;s lanes and change notifier (its own when none is given: tests, screenshots). While set, scanner bursts go here instead of to the desk (a dialog reading a setup code).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the demo event, import a file or connect to a server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EXIT: ticket code of a guest leaving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EXIT MODE: s&amp;can the ticket of a guest leaving, then press Enter:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check-in Desk – {0} – {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EXIT MODE – {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This desk has no check-in on this list that could be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check-in undone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} is no longer checked in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Badge not printed: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;can or type a ticket code, then press Enter:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two codes in view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show one ticket at a time. Nobody was checked in.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PersonalDataTools</name>
    <message>
        <source>&amp;Remove personal data of this event (GDPR)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove personal data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove all personal data of “{0}” from this database? Counts are kept for reports; names, e-mail addresses and codes are gone for good.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Personal data removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The personal data of this event was removed. Deletion receipt: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Personal data NOT fully removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NOT DONE: the names are deleted from the tables but still in the database file, because another desk is reading it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the other desks; the next start of Check-in Desk then removes them from the file. Deletion receipt: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retention period over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Personal data of these events is kept past its retention date:
{0}

Remove it with Tools → Remove personal data.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReconcileDialog</name>
    <message>
        <source>Reconcile with pretix</source>
        <extracomment>Reconciling uploads what waits and pulls the server&apos;s state first. The organiser chose to connect this event to pretix (the dialog closes; the tool opens the connect dialog).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uploading, downloading and comparing with the server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order or code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconciliation findings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Connect to pretix…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconciliation failed: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To connect it: in pretix, open your organiser account → Devices → “Connect a device”, then click “Connect to pretix…” below and scan or paste the setup code pretix shows. Reconcile again once the desk has downloaded the event.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect this desk to the event&apos;s pretix server first (in pretix: your organiser account → Devices → “Connect a device”), then reconcile again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This event is not connected to pretix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconciling compares the check-ins of every desk with the pretix server after the event: what was uploaded, what still waits, and who is checked in on one side only. An event imported from a guest file has no server to compare with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} — {1}: {2} uploaded and accepted, {3} waiting for upload, {4} entries on pretix.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the reconciliation report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF report (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV table (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report written to {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Reconciliation</name>
    <message>
        <source>&amp;Reconcile with pretix…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RuleWords</name>
    <message>
        <source>the check-in list&apos;s rules do not admit this ticket now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only allowed before {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only allowed after {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this ticket type is not allowed here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wrong entrance for this ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the guest is not inside (checked out or never entered)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the guest is already inside</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>maximum {label} reached ({count} so far)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>minimum {label} not reached ({count} so far)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>maximum {label} reached ({minutes} min)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>minimum {label} not reached ({minutes} min)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label}: no entry yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label} is not {limit}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label} is {limit}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only on {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not on {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>time since the last entry</source>
        <extracomment>What a count or a time measures, by pretix&apos;s variable name.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>time since the first entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>number of days with an entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>number of entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>number of entries today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>number of entries since {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>number of entries before {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>number of days with an entry since {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>number of days with an entry before {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>weekday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Friday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScannerCheck</name>
    <message>
        <source>No characters arrived. Is the scanner set to USB keyboard mode?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This was not the test code: the scanner sent “{0}”. Scan the code shown here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scanner read the test code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prefix: “{0}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prefix: none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suffix: “{0}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suffix: none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key interval (median): {0} ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard layout: the same as this computer&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some characters (such as + and =) were lost to this computer&apos;s dead keys: codes with them cannot be read until the layouts match.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ends each code with: Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ends each code with: Tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ends each code with: nothing (the desk waits for a pause)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capitals arrive in the wrong case: Caps Lock is on. Switch it off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capitals arrive in lower case: the scanner sends no Shift. Set it to keep upper and lower case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capitals: correct.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScannerCheckDialog</name>
    <message>
        <source>Check scanner</source>
        <extracomment>The settings matching the scanner (key → value), chosen with &quot;Apply these settings&quot;.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan this code with the scanner. The desk listens to the keys the scanner sends and tells you what it saw; nothing is checked in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test code {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for a scan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply these settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applied to the settings: press Save there to keep them.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchModel</name>
    <message>
        <source>In?</source>
        <extracomment>Search shows at most this many guests; more letters narrow it down. What tells a row apart from another that shows the same name and company.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Company</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✔ in since {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>– not yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (walk-in)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>&amp;Search guests (name, company, e-mail or code):</source>
        <extracomment>No column but the name grows past this; the rest of a long company name is in the tooltip. The rows for a text are on screen (perf_counter when shown, the text).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a name…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search guests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter checks in the selected guest; double-click shows details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The first %n guests are shown: type more to narrow the search.</source>
        <translation>
            <numerusform>The first %n guest is shown: type more to narrow the search.</numerusform>
            <numerusform>The first %n guests are shown: type more to narrow the search.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n guest(s) found.</source>
        <translation>
            <numerusform>%n guest found.</numerusform>
            <numerusform>%n guests found.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ServerConnection</name>
    <message>
        <source>&amp;Connect to a pretix server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to “{0}”: {1} registrations downloaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to pretix was stopped. What was downloaded is kept; a connected event goes on syncing in the background.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingEditors</name>
    <message>
        <source>{0} (not found)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic: suits the stock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None chosen yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None: print to the badge printer above</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scanner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Badges &amp; printing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pretix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>backups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Desk name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shown on every check-in this desk records.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exit mode ends after idle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A desk in exit mode returns to entry after this long without a scan; 0 never returns.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer stays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0 keeps the answer until the next scan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sounds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Distinct sounds for ok, warning and refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Walk-in ticket type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ticket type a walk-in guest gets unless you pick another; empty means the event&apos;s most common type.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup every</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The desk copies its database at start, then this often.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backups kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The newest this many stay; older ones are deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Venue database timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A venue PostgreSQL that does not answer within this long: the desk goes on with its own copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try the venue database again after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>While on its own copy, the desk asks the venue database again this often and then merges.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scanner prefix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Characters the scanner sends before each code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scanner suffix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Characters the scanner sends after each code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Longest pause inside a code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A longer pause between two keys ends the code: scanners never pause.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Typical scanner key interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slower bursts are a person typing (a scanner types a key every 1–10 ms).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shortest code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shorter bursts of keys are typing, not a scan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For scanners that send no Enter or Tab: a pause this long ends the code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan with the camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Webcam reads QR codes; its picture shows in the desk window (Ctrl+K).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The webcam that reads QR codes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Camera reads a code again after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print badge on check-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prints each guest&apos;s badge once, at their first check-in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Badge stock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The labels or sheets the badges print on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Badge layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A built-in layout, your own, or one of the event&apos;s from pretix.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Badge printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Badges print here without asking.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CUPS queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sends badges straight to this CUPS queue instead of the printer above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync with pretix every</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How often a connected desk uploads its check-ins and downloads changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Online check-in timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long a scan waits for pretix before the desk decides offline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slow answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slower answers from pretix switch the desk to offline decisions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try online again after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After going offline, the desk asks pretix again after this long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“As the system” follows the computer&apos;s language.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Font scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enlarges all text of the desk window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Black on white with strong colours, for bright halls and weak eyes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only once the code was out of view this long: a ticket held up is one scan.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check scanner…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>built-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yours</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StartNotice</name>
    <message>
        <source>Check-in Desk: connecting to the venue database …</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StockPreview</name>
    <message>
        <source>Badge stock preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} × {1} mm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}, front and back on one A4 page, folded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}, {1} badges per {2} × {3} mm sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}, cut from a continuous roll</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}, one badge per label</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>New guests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No longer in the file (kept)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warnings shown before the import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled in the file (refused at the desk)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unpaid in the file (refused unless the list admits them)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New ticket types: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported into &quot;{0}&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncWorker</name>
    <message>
        <source>Syncing…</source>
        <extracomment>A sync uploads check-ins (their upload state) and pulls guests, lists and ticket types. A sync stuck on the network is not waited for longer when the desk closes.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no answer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TicketTypeColours</name>
    <message>
        <source>Colour for this type…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the band colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} (band colour)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Band colour for {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TypesPage</name>
    <message>
        <source>In the file</source>
        <extracomment>A mapping table shows at least this many rows without scrolling (if it has them). A status choice changed: the dialog looks again whether every word has one.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status at the desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file&apos;s status column holds {0} different values. Choose what each means at the desk: cancelled guests are refused, unpaid ones too unless the check-in list admits them. Your choice is remembered for the next file with these columns.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file names {0} ticket types. Choose the event&apos;s ticket type for each; &quot;Create new type&quot; adds it to the event ({1} would be new). Your choice is remembered for the next file with these columns.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket type for {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create new type &quot;{0}&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status for {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid: admitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unpaid: refused unless the list admits it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled: refused</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VenueBanner</name>
    <message>
        <source>Venue database offline: {0} waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The venue database does not answer (since {0}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This desk goes on with its own copy: keep scanning. Check-ins waiting to be merged when the database answers again: {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Walk-ins and undo need the venue database; search works on the copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The venue database answers again. Check-ins from this desk merged: {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admitted at two desks meanwhile ({0}): {1}. Both admissions are kept; the organiser lists them with &apos;checkin conflicts&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WalkInDialog</name>
    <message>
        <source>Walk-in guest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no ticket type)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Given name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Given name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Family name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Family name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Company:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Company</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Ticket type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register and check &amp;in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A walk-in needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This e-mail address has no @.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WarningsPage</name>
    <message>
        <source>Repair the encoding (Ã¼ → ü)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guests in the file: {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No suspicious values found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please check these values before importing:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Names garbled by a wrong encoding (&quot;MÃ¼ller&quot; for &quot;Müller&quot;): {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Names with &quot;?&quot; (letters were lost before the file was saved): {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows without a name (the import stops at them: fix the file): {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail addresses of an earlier row (without an ID column the import stops at them): {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
