<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>About</name>
    <message>
        <source>frozen (PyInstaller)</source>
        <extracomment>The libraries the desk is built on and ships inside a frozen build.</extracomment>
        <translation>eingefroren (PyInstaller)</translation>
    </message>
    <message>
        <source>Python package</source>
        <translation>Python-Paket</translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Check-in Desk</source>
        <translation>Über Check-in Desk</translation>
    </message>
    <message>
        <source>&lt;b&gt;Check-in Desk&lt;/b&gt; {0} ({1})</source>
        <translation>&lt;b&gt;Check-in Desk&lt;/b&gt; {0} ({1})</translation>
    </message>
    <message>
        <source>Database: {0}</source>
        <translation>Datenbank: {0}</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Bibliothek</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Lizenz</translation>
    </message>
    <message>
        <source>Libraries</source>
        <translation>Bibliotheken</translation>
    </message>
    <message>
        <source>Bundled fonts</source>
        <translation>Mitgelieferte Schriften</translation>
    </message>
    <message>
        <source>Check-in Desk itself is licensed under the Apache License 2.0.</source>
        <translation>Check-in Desk selbst steht unter der Apache License 2.0.</translation>
    </message>
</context>
<context>
    <name>Answer</name>
    <message>
        <source>Goodbye!</source>
        <translation>Auf Wiedersehen!</translation>
    </message>
    <message>
        <source>Welcome!</source>
        <translation>Willkommen!</translation>
    </message>
    <message>
        <source>Already checked in</source>
        <translation>Bereits eingecheckt</translation>
    </message>
    <message>
        <source>Unknown code</source>
        <translation>Unbekannter Code</translation>
    </message>
    <message>
        <source>Not a ticket code</source>
        <translation>Kein Ticket-Code</translation>
    </message>
    <message>
        <source>Ticket for another event</source>
        <translation>Ticket für eine andere Veranstaltung</translation>
    </message>
    <message>
        <source>Ticket revoked</source>
        <translation>Ticket ungültig gemacht</translation>
    </message>
    <message>
        <source>Registration cancelled</source>
        <translation>Anmeldung storniert</translation>
    </message>
    <message>
        <source>Not paid</source>
        <translation>Nicht bezahlt</translation>
    </message>
    <message>
        <source>Not valid for this list</source>
        <translation>Nicht gültig für diese Liste</translation>
    </message>
    <message>
        <source>Not valid yet</source>
        <translation>Noch nicht gültig</translation>
    </message>
    <message>
        <source>No longer valid</source>
        <translation>Nicht mehr gültig</translation>
    </message>
    <message>
        <source>Checked in at {time} at desk {desk}. Do not let the ticket in twice.</source>
        <translation>Eingecheckt um {time} an Schalter {desk}. Das Ticket nicht zweimal einlassen.</translation>
    </message>
    <message>
        <source>{name} was never checked in. Is this desk in exit mode by mistake?</source>
        <translation>{name} war nie eingecheckt. Steht dieser Schalter versehentlich auf Ausgang?</translation>
    </message>
    <message>
        <source>Exit recorded.</source>
        <translation>Ausgang erfasst.</translation>
    </message>
    <message>
        <source>Entry recorded.</source>
        <translation>Eingang erfasst.</translation>
    </message>
    <message>
        <source>No registration has this code. Search the guest by name instead.</source>
        <translation>Keine Anmeldung hat diesen Code. Suchen Sie den Gast stattdessen nach Namen.</translation>
    </message>
    <message>
        <source>This is not a ticket code. Scan the QR code on the ticket.</source>
        <translation>Das ist kein Ticket-Code. Scannen Sie den QR-Code auf dem Ticket.</translation>
    </message>
    <message>
        <source>This ticket belongs to another event.</source>
        <translation>Dieses Ticket gehört zu einer anderen Veranstaltung.</translation>
    </message>
    <message>
        <source>The ticket is not valid yet.</source>
        <translation>Das Ticket ist noch nicht gültig.</translation>
    </message>
    <message>
        <source>The ticket is no longer valid.</source>
        <translation>Das Ticket ist nicht mehr gültig.</translation>
    </message>
    <message>
        <source>This ticket belongs to another event: {event}.</source>
        <translation>Dieses Ticket gehört zu einer anderen Veranstaltung: {event}.</translation>
    </message>
    <message>
        <source>The ticket is valid from {time}.</source>
        <translation>Das Ticket gilt erst ab {time}.</translation>
    </message>
    <message>
        <source>The ticket was valid until {time}.</source>
        <translation>Das Ticket galt nur bis {time}.</translation>
    </message>
    <message>
        <source>The ticket was re-issued. Ask the guest for the newest ticket.</source>
        <translation>Das Ticket wurde neu ausgestellt. Fragen Sie den Gast nach dem neuesten Ticket.</translation>
    </message>
    <message>
        <source>Never checked in</source>
        <translation>Nie eingecheckt</translation>
    </message>
    <message>
        <source>This registration was cancelled. Send the guest to the organisers.</source>
        <translation>Diese Anmeldung wurde storniert. Schicken Sie den Gast zum Veranstaltungsteam.</translation>
    </message>
    <message>
        <source>This registration is not paid. Send the guest to the organisers.</source>
        <translation>Diese Anmeldung ist nicht bezahlt. Schicken Sie den Gast zum Veranstaltungsteam.</translation>
    </message>
    <message>
        <source>The ticket type does not admit to this list.</source>
        <translation>Diese Ticketart berechtigt nicht zum Einlass auf dieser Liste.</translation>
    </message>
    <message>
        <source>This scanner types with a {scanner} keyboard layout but this computer uses {computer}: set the scanner to {computer} (or the computer to {scanner}).</source>
        <translation>Dieser Scanner tippt mit dem Tastaturlayout „{scanner}“, dieser Computer verwendet aber „{computer}“: Stellen Sie den Scanner auf „{computer}“ um (oder den Computer auf „{scanner}“).</translation>
    </message>
    <message>
        <source>US</source>
        <translation>US</translation>
    </message>
    <message>
        <source>German</source>
        <translation>Deutsch</translation>
    </message>
    <message>
        <source>French</source>
        <translation>Französisch</translation>
    </message>
    <message>
        <source>Swiss German</source>
        <translation>Schweizerdeutsch</translation>
    </message>
    <message>
        <source>Entry not permitted</source>
        <translation>Einlass nicht erlaubt</translation>
    </message>
    <message>
        <source>The list&apos;s entry rules refuse this ticket now: {reason}.</source>
        <translation>Die Einlassregeln der Liste lassen dieses Ticket jetzt nicht ein: {reason}.</translation>
    </message>
</context>
<context>
    <name>AnswerCard</name>
    <message>
        <source>Answer</source>
        <extracomment>(background, text) per severity; the high-contrast set is for bright halls and weak eyes. &quot;exit&quot; is the desk in exit mode (waiting, or a guest leaving): its own colour, never green. The card was painted (for benchmarks and tests: &quot;the answer is on screen&quot;). In exit mode the whole card says so: a banner, and its own colour when waiting or saying goodbye. Layout mix-ups the desk was told how to fix (once each), and the answer that told it.</extracomment>
        <translation>Antwort</translation>
    </message>
    <message>
        <source>Attention: see the notes.</source>
        <translation>Achtung: siehe Notizen.</translation>
    </message>
    <message>
        <source>EXIT: ready to scan guests leaving</source>
        <translation>AUSGANG: bereit für Gäste, die gehen</translation>
    </message>
    <message>
        <source>Scans now record guests leaving, not arriving. Ctrl+E returns to entry.</source>
        <translation>Scans erfassen jetzt Gäste, die gehen, nicht ankommende. Strg+E schaltet zurück auf Eingang.</translation>
    </message>
    <message>
        <source>Ready to scan</source>
        <translation>Bereit zum Scannen</translation>
    </message>
    <message>
        <source>Scan a ticket, type its code, or search a guest by name.</source>
        <translation>Ticket scannen, Code eintippen oder Gast nach Namen suchen.</translation>
    </message>
    <message>
        <source>EXIT MODE · scans record guests leaving · Ctrl+E: entry</source>
        <translation>AUSGANG · Scans erfassen Gäste, die gehen · Strg+E: Eingang</translation>
    </message>
</context>
<context>
    <name>BadgeBatchWindow</name>
    <message>
        <source>Print badges</source>
        <extracomment>Wait this long after the last change of a choice before counting and previewing it again.</extracomment>
        <translation>Namensschilder drucken</translation>
    </message>
    <message>
        <source>All ticket types</source>
        <translation>Alle Ticketarten</translation>
    </message>
    <message>
        <source>Surname</source>
        <translation>Nachname</translation>
    </message>
    <message>
        <source>Company, then surname</source>
        <translation>Firma, dann Nachname</translation>
    </message>
    <message>
        <source>Only guests whose badge was not printed</source>
        <translation>Nur Gäste, deren Namensschild noch nicht gedruckt ist</translation>
    </message>
    <message>
        <source>Mark these badges as printed</source>
        <translation>Diese Namensschilder als gedruckt vermerken</translation>
    </message>
    <message>
        <source>Ticket type:</source>
        <translation>Ticketart:</translation>
    </message>
    <message>
        <source>Sort by:</source>
        <translation>Sortieren nach:</translation>
    </message>
    <message>
        <source>Badge stock:</source>
        <translation>Etikettenmaterial:</translation>
    </message>
    <message>
        <source>Layout:</source>
        <translation>Layout:</translation>
    </message>
    <message>
        <source>Counting badges…</source>
        <translation>Namensschilder werden gezählt…</translation>
    </message>
    <message>
        <source>On the right: the first sheet, as it will print.</source>
        <translation>Rechts: der erste Bogen, so wie er gedruckt wird.</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Als PDF speichern…</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Drucken</translation>
    </message>
    <message>
        <source>Cancel batch</source>
        <translation>Stapel abbrechen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>pretix&apos;s layout for each guest&apos;s product when the event has pretix layouts, else the built-in layout that suits the stock</source>
        <translation>Das pretix-Layout für das Produkt jedes Gastes, wenn die Veranstaltung pretix-Layouts hat, sonst das eingebaute Layout, das zum Material passt</translation>
    </message>
    <message numerus="yes">
        <source>%n badge(s) in this batch.</source>
        <translation>
            <numerusform>%n Namensschild in diesem Stapel.</numerusform>
            <numerusform>%n Namensschilder in diesem Stapel.</numerusform>
        </translation>
    </message>
    <message>
        <source>No guest matches this choice: no badges to print.</source>
        <translation>Kein Gast passt zu dieser Auswahl: keine Namensschilder zu drucken.</translation>
    </message>
    <message>
        <source>This choice cannot print: {0}</source>
        <translation>Diese Auswahl kann nicht gedruckt werden: {0}</translation>
    </message>
    <message>
        <source>Save the badges as PDF</source>
        <translation>Namensschilder als PDF speichern</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-Dateien (*.pdf)</translation>
    </message>
    <message>
        <source>No badge printer is chosen for this desk: choose one in Tools → Choose the badge printer…, or save the batch as a PDF.</source>
        <translation>Für diesen Schalter ist kein Namensschild-Drucker gewählt: Wählen Sie einen unter Werkzeuge → Drucker für Namensschilder wählen… oder speichern Sie den Stapel als PDF.</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <source>Rendering the badges…</source>
        <translation>Namensschilder werden erstellt…</translation>
    </message>
    <message>
        <source>Marking the badges as printed…</source>
        <translation>Namensschilder werden als gedruckt vermerkt…</translation>
    </message>
    <message>
        <source>Sent to {0}, but not marked as printed.</source>
        <translation>An {0} gesendet, aber nicht als gedruckt vermerkt.</translation>
    </message>
    <message>
        <source>The badges were sent to {0}, but could not be marked as printed:

{1}</source>
        <translation>Die Namensschilder wurden an {0} gesendet, konnten aber nicht als gedruckt vermerkt werden:

{1}</translation>
    </message>
    <message numerus="yes">
        <source>%n badge(s) on {0} page(s) sent to {1}.</source>
        <translation>
            <numerusform>%n Namensschild auf {0} Seite(n) an {1} gesendet.</numerusform>
            <numerusform>%n Namensschilder auf {0} Seite(n) an {1} gesendet.</numerusform>
        </translation>
    </message>
    <message>
        <source>They are marked as printed.</source>
        <translation>Sie sind als gedruckt vermerkt.</translation>
    </message>
    <message>
        <source>The batch failed; nothing was marked as printed.</source>
        <translation>Der Stapel ist fehlgeschlagen; nichts wurde als gedruckt vermerkt.</translation>
    </message>
    <message>
        <source>The badges were not printed or saved, and none is marked as printed.

{0}</source>
        <translation>Die Namensschilder wurden weder gedruckt noch gespeichert, und keines ist als gedruckt vermerkt.

{0}</translation>
    </message>
    <message>
        <source>Cancelled: no file was written and no badge is marked as printed.</source>
        <translation>Abgebrochen: Es wurde keine Datei geschrieben und kein Namensschild als gedruckt vermerkt.</translation>
    </message>
    <message>
        <source>Badges</source>
        <translation>Namensschilder</translation>
    </message>
</context>
<context>
    <name>BadgeEditor</name>
    <message>
        <source>Badge layout</source>
        <translation>Namensschild-Layout</translation>
    </message>
    <message>
        <source>Save as my layout</source>
        <translation>Als mein Layout speichern</translation>
    </message>
    <message>
        <source>Reset to the stock&apos;s layout</source>
        <translation>Standardlayout des Materials</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>Material</translation>
    </message>
    <message>
        <source>Layout</source>
        <translation>Layout</translation>
    </message>
    <message>
        <source>Sample guest</source>
        <translation>Beispielgast</translation>
    </message>
    <message>
        <source>Drag an element to move it, its corner to resize it; the arrow keys move it by 0.5 mm, with Shift by 5 mm. Lines show where it lines up.</source>
        <translation>Ein Element ziehen, um es zu verschieben, seine Ecke, um die Größe zu ändern; die Pfeiltasten verschieben es um 0,5 mm, mit Umschalt um 5 mm. Linien zeigen, woran es sich ausrichtet.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Text: {0}</source>
        <translation>Text: {0}</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
    <message>
        <source>Band: {0}</source>
        <translation>Band: {0}</translation>
    </message>
    <message>
        <source>QR code: {0}</source>
        <translation>QR-Code: {0}</translation>
    </message>
    <message>
        <source>Image: {0}</source>
        <translation>Bild: {0}</translation>
    </message>
    <message>
        <source>Rename the layout</source>
        <translation>Layout umbenennen</translation>
    </message>
    <message>
        <source>Move with the arrow keys</source>
        <translation>Mit den Pfeiltasten verschieben</translation>
    </message>
    <message>
        <source>Move or resize</source>
        <translation>Verschieben oder Größe ändern</translation>
    </message>
    <message>
        <source>Change the element</source>
        <translation>Element ändern</translation>
    </message>
    <message>
        <source>Add an element</source>
        <translation>Element hinzufügen</translation>
    </message>
    <message>
        <source>Add a picture</source>
        <translation>Ein Bild hinzufügen</translation>
    </message>
    <message>
        <source>Pictures (*.png *.jpg *.jpeg *.svg *.pdf)</source>
        <translation>Bilder (*.png *.jpg *.jpeg *.svg *.pdf)</translation>
    </message>
    <message>
        <source>Picture not added: {0}</source>
        <translation>Bild nicht hinzugefügt: {0}</translation>
    </message>
    <message>
        <source>Remove an element</source>
        <translation>Element entfernen</translation>
    </message>
    <message>
        <source>Open {0}</source>
        <translation>{0} öffnen</translation>
    </message>
    <message>
        <source>My layout</source>
        <translation>Mein Layout</translation>
    </message>
    <message>
        <source>Not saved: {0}</source>
        <translation>Nicht gespeichert: {0}</translation>
    </message>
    <message>
        <source>Saved as {0}</source>
        <translation>Gespeichert als {0}</translation>
    </message>
    <message>
        <source>Save the changes to this layout as your own before closing?</source>
        <translation>Die Änderungen an diesem Layout vor dem Schließen als Ihr eigenes speichern?</translation>
    </message>
</context>
<context>
    <name>BadgeFailureAlert</name>
    <message>
        <source>A badge was not printed.</source>
        <translation>Ein Namensschild wurde nicht gedruckt.</translation>
    </message>
    <message numerus="yes">
        <source>%n badge(s) were not printed.</source>
        <translation>
            <numerusform>%n Namensschild wurde nicht gedruckt.</numerusform>
            <numerusform>%n Namensschilder wurden nicht gedruckt.</numerusform>
        </translation>
    </message>
    <message>
        <source>{0}

Check the printer; the guests are checked in, and each badge can be printed again from the guest&apos;s details.</source>
        <translation>{0}

Bitte den Drucker prüfen; die Gäste sind eingecheckt, und jedes Namensschild kann in den Gastdetails erneut gedruckt werden.</translation>
    </message>
    <message>
        <source>Badge not printed</source>
        <translation>Namensschild nicht gedruckt</translation>
    </message>
</context>
<context>
    <name>BadgeField</name>
    <message>
        <source>Title</source>
        <extracomment>Every guest value a layout can place, declared once: the placeholders a layout accepts (checkin.badges.layout.PLACEHOLDERS) and the layout editor&apos;s &quot;Add text&quot; list come from here.</extracomment>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>Vorname</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>Nachname</translation>
    </message>
    <message>
        <source>Name (given and family)</source>
        <translation>Name (Vor- und Nachname)</translation>
    </message>
    <message>
        <source>Full name with title</source>
        <translation>Voller Name mit Titel</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Firma</translation>
    </message>
    <message>
        <source>Ticket type</source>
        <translation>Ticketart</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Veranstaltung</translation>
    </message>
    <message>
        <source>Ticket code</source>
        <translation>Ticket-Code</translation>
    </message>
</context>
<context>
    <name>BadgePictures</name>
    <message>
        <source>{0} is not a PNG, JPEG, SVG or PDF file.</source>
        <extracomment>Long side of the PNG drawn from an SVG or PDF: about 600 dpi on a 10 cm sponsor strip.</extracomment>
        <translation>{0} ist keine PNG-, JPEG-, SVG- oder PDF-Datei.</translation>
    </message>
    <message>
        <source>{0} cannot be read: {1}</source>
        <translation>{0} kann nicht gelesen werden: {1}</translation>
    </message>
    <message>
        <source>{0} is not a picture (it cannot be read as {1}).</source>
        <translation>{0} ist kein Bild (es lässt sich nicht als {1} lesen).</translation>
    </message>
    <message>
        <source>The picture cannot be saved: {0}</source>
        <translation>Das Bild kann nicht gespeichert werden: {0}</translation>
    </message>
    <message>
        <source>{0} is not an SVG picture.</source>
        <translation>{0} ist kein SVG-Bild.</translation>
    </message>
    <message>
        <source>{0} is not a PDF file that can be read.</source>
        <translation>{0} ist keine lesbare PDF-Datei.</translation>
    </message>
</context>
<context>
    <name>BadgePrintService</name>
    <message>
        <source>Choose the badge printer</source>
        <translation>Drucker für Namensschilder wählen</translation>
    </message>
    <message>
        <source>Badge not printed: {0}</source>
        <translation>Namensschild nicht gedruckt: {0}</translation>
    </message>
    <message>
        <source>No badge printer is chosen for this desk.</source>
        <translation>Für diesen Schalter ist kein Drucker für Namensschilder gewählt.</translation>
    </message>
    <message>
        <source>Badge {0}</source>
        <translation>Namensschild {0}</translation>
    </message>
</context>
<context>
    <name>BadgeStock</name>
    <message>
        <source>{title}: {size}, front and back on one A4 page</source>
        <extracomment>The translation context of the stock titles and descriptions (the UI translates them). Top-left corner of the back panel on fold stock (the front sits at the first label).</extracomment>
        <translation>{title}: {size}, Vorder- und Rückseite auf einer A4-Seite</translation>
    </message>
    <message>
        <source>{title}: {size}, {count} per {width} × {height} mm sheet</source>
        <translation>{title}: {size}, {count} je Bogen {width} × {height} mm</translation>
    </message>
    <message>
        <source>{title}: {size} (continuous roll)</source>
        <translation>{title}: {size} (Endlosrolle)</translation>
    </message>
    <message>
        <source>A6 portrait</source>
        <translation>A6 hochkant</translation>
    </message>
    <message>
        <source>A4 with 4 × A6</source>
        <translation>A4 mit 4 × A6</translation>
    </message>
    <message>
        <source>A6 fold (A4 folded in four)</source>
        <translation>A6-Faltkarte (A4 zweimal gefaltet)</translation>
    </message>
    <message>
        <source>CR80 / ID-1 card</source>
        <translation>CR80-/ID-1-Karte</translation>
    </message>
    <message>
        <source>HERMA 4412 name badge labels</source>
        <translation>HERMA 4412 Namensetiketten</translation>
    </message>
    <message>
        <source>DURABLE 1445 badge inserts</source>
        <translation>DURABLE 1445 Einsteckschilder</translation>
    </message>
    <message>
        <source>DURABLE 1456 badge inserts</source>
        <translation>DURABLE 1456 Einsteckschilder</translation>
    </message>
    <message>
        <source>Avery L4785 name badge labels</source>
        <translation>Avery L4785 Namensetiketten</translation>
    </message>
    <message>
        <source>Brother QL 62 mm continuous, cut at 100 mm</source>
        <translation>Brother QL 62 mm Endlosrolle, auf 100 mm geschnitten</translation>
    </message>
    <message>
        <source>Brother DK-11234 name badge labels</source>
        <translation>Brother DK-11234 Namensetiketten</translation>
    </message>
    <message>
        <source>DYMO 11356 name badge labels</source>
        <translation>DYMO 11356 Namensetiketten</translation>
    </message>
    <message>
        <source>Zebra 4 × 3 in label</source>
        <translation>Zebra-Etikett 4 × 3 Zoll</translation>
    </message>
    <message>
        <source>Zebra 4 × 6 in label</source>
        <translation>Zebra-Etikett 4 × 6 Zoll</translation>
    </message>
</context>
<context>
    <name>BadgeTools</name>
    <message>
        <source>Badge &amp;layout…</source>
        <translation>Namensschild-&amp;Layout…</translation>
    </message>
    <message>
        <source>Print &amp;badges…</source>
        <translation>&amp;Namensschilder drucken…</translation>
    </message>
    <message>
        <source>Choose the badge &amp;printer…</source>
        <translation>&amp;Drucker für Namensschilder wählen…</translation>
    </message>
    <message>
        <source>Print badges</source>
        <translation>Namensschilder drucken</translation>
    </message>
    <message>
        <source>No event is open: open the demo event or import one first.</source>
        <translation>Keine Veranstaltung geöffnet: Öffnen Sie zuerst die Demo-Veranstaltung oder importieren Sie eine.</translation>
    </message>
</context>
<context>
    <name>CameraPanel</name>
    <message>
        <source>No camera found. Connect a webcam (Desk → Settings… chooses which one); until then, scan with the scanner or type the code.</source>
        <extracomment>Builds the feed for a camera id (&quot;&quot; = the system&apos;s default), or None when there is no such camera. A code the camera read (not again while it stays in view): the desk scans it. Two or more different codes in one frame: nobody may be checked in. Something the desk should hear about beyond the panel (the camera was lost).</extracomment>
        <translation>Keine Kamera gefunden. Schließen Sie eine Webcam an (welche, legt Schalter → Einstellungen… fest); bis dahin mit dem Scanner scannen oder den Code eintippen.</translation>
    </message>
    <message>
        <source>The camera stopped ({0}). Scanning goes on with the scanner and the keyboard; the camera resumes when it is connected again.</source>
        <translation>Die Kamera ist ausgefallen ({0}). Scannen geht mit dem Scanner und der Tastatur weiter; die Kamera läuft wieder, sobald sie angeschlossen ist.</translation>
    </message>
    <message>
        <source>&amp;Camera</source>
        <translation>&amp;Kamera</translation>
    </message>
    <message>
        <source>Scan QR codes with the webcam; its picture shows in the window</source>
        <translation>QR-Codes mit der Webcam scannen; ihr Bild erscheint im Fenster</translation>
    </message>
    <message>
        <source>Camera picture</source>
        <translation>Kamerabild</translation>
    </message>
    <message>
        <source>The system&apos;s default camera</source>
        <translation>Standardkamera des Systems</translation>
    </message>
    <message>
        <source>{0} (not connected)</source>
        <translation>{0} (nicht angeschlossen)</translation>
    </message>
</context>
<context>
    <name>CardBadge</name>
    <message>
        <source>Print badge</source>
        <extracomment>How long the card shows a check-in before its badge is rendered.</extracomment>
        <translation>Namensschild drucken</translation>
    </message>
</context>
<context>
    <name>ColourButton</name>
    <message>
        <source>Choose a colour</source>
        <translation>Farbe wählen</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <source>Connect to a pretix server</source>
        <extracomment>A person waits on these: one retry, not the background sync&apos;s four. Smaller write batches than the background sync&apos;s (20 pages): progress moves and Cancel answers sooner (tests/perf/test_connect_perf.py measures the cost). A connect links an event and downloads its guests. ConnectResult and SyncSummary of a connect whose first download finished. The dialog closed without a finished download, once no download writes any more; the event may be linked already (the next sync goes on where this one stopped).</extracomment>
        <translation>Mit einem pretix-Server verbinden</translation>
    </message>
    <message>
        <source>Connection status</source>
        <translation>Verbindungsstatus</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Zurück</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>That was not a pretix setup code. Scan the code pretix shows under Organizer → Devices → Connect device.</source>
        <translation>Das war kein Einrichtungscode von pretix. Scannen Sie den Code, den pretix unter Veranstalter → Geräte → Gerät verbinden zeigt.</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>&amp;Weiter</translation>
    </message>
    <message>
        <source>&amp;Connect and download</source>
        <translation>&amp;Verbinden und herunterladen</translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation>&amp;Erneut versuchen</translation>
    </message>
    <message>
        <source>Scan or paste the setup code, or give the address and an API token.</source>
        <translation>Scannen oder fügen Sie den Einrichtungscode ein, oder geben Sie die Adresse und ein API-Token an.</translation>
    </message>
    <message>
        <source>Choose the event and the check-in list this desk admits to.</source>
        <translation>Wählen Sie die Veranstaltung und die Check-in-Liste, für die dieser Schalter einlässt.</translation>
    </message>
    <message>
        <source>Contacting the server…</source>
        <translation>Verbindung zum Server wird aufgebaut…</translation>
    </message>
    <message>
        <source>Scan or paste pretix&apos;s setup code first.</source>
        <translation>Scannen oder fügen Sie zuerst den Einrichtungscode von pretix ein.</translation>
    </message>
    <message>
        <source>Loading the events…</source>
        <translation>Veranstaltungen werden geladen…</translation>
    </message>
    <message>
        <source>This organiser has no events in pretix yet.</source>
        <translation>Dieser Veranstalter hat in pretix noch keine Veranstaltungen.</translation>
    </message>
    <message>
        <source>Loading the check-in lists…</source>
        <translation>Check-in-Listen werden geladen…</translation>
    </message>
    <message>
        <source>This event has no check-in list: create one in pretix first.</source>
        <translation>Diese Veranstaltung hat keine Check-in-Liste: Legen Sie zuerst eine in pretix an.</translation>
    </message>
    <message>
        <source>Connecting to “{0}”…</source>
        <translation>Verbinde mit „{0}“…</translation>
    </message>
    <message>
        <source>Downloading the registrations: page {0} of {1}…</source>
        <translation>Anmeldungen werden heruntergeladen: Seite {0} von {1}…</translation>
    </message>
    <message>
        <source>Connected, but the download stopped: {0}</source>
        <translation>Verbunden, aber das Herunterladen brach ab: {0}</translation>
    </message>
    <message>
        <source>{0} registrations downloaded.</source>
        <translation>{0} Anmeldungen heruntergeladen.</translation>
    </message>
    <message>
        <source>pretix sent an answer this version does not understand ({0}).</source>
        <translation>pretix hat eine Antwort geschickt, die diese Version nicht versteht ({0}).</translation>
    </message>
</context>
<context>
    <name>ConnectPages</name>
    <message>
        <source>In pretix, open Organizer → Devices → Connect device and scan the code it shows (or paste its text). Without a device, use the server address and an organiser API token (Organizer → Teams → API tokens).</source>
        <translation>Öffnen Sie in pretix Veranstalter → Geräte → Gerät verbinden und scannen Sie den angezeigten Code (oder fügen Sie seinen Text ein). Ohne Gerät geht es mit der Serveradresse und einem API-Token des Veranstalters (Veranstalter → Teams → API-Tokens).</translation>
    </message>
    <message>
        <source>Setup code</source>
        <translation>Einrichtungscode</translation>
    </message>
    <message>
        <source>&amp;Setup code</source>
        <translation>&amp;Einrichtungscode</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Serveradresse</translation>
    </message>
    <message>
        <source>API token</source>
        <translation>API-Token</translation>
    </message>
    <message>
        <source>Server &amp;address:</source>
        <translation>Server&amp;adresse:</translation>
    </message>
    <message>
        <source>API &amp;token:</source>
        <translation>API-&amp;Token:</translation>
    </message>
    <message>
        <source>Address and API &amp;token</source>
        <translation>Adresse und API-&amp;Token</translation>
    </message>
    <message>
        <source>&amp;Organiser:</source>
        <translation>&amp;Veranstalter:</translation>
    </message>
    <message>
        <source>Organiser</source>
        <translation>Veranstalter</translation>
    </message>
    <message>
        <source>&amp;Event:</source>
        <translation>Veranstal&amp;tung:</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Veranstaltung</translation>
    </message>
    <message>
        <source>Check-in &amp;list:</source>
        <translation>Check-in-&amp;Liste:</translation>
    </message>
    <message>
        <source>Check-in list</source>
        <translation>Check-in-Liste</translation>
    </message>
    <message>
        <source>Download progress</source>
        <translation>Fortschritt des Herunterladens</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Something went wrong</source>
        <translation>Etwas ist schiefgegangen</translation>
    </message>
    <message>
        <source>An error occurred. Check-ins confirmed so far are saved and the desk keeps running. Please send the diagnostics below to your organiser.</source>
        <translation>Ein Fehler ist aufgetreten. Alle bestätigten Check-ins sind gespeichert, und der Platz arbeitet weiter. Bitte senden Sie die Diagnose unten an Ihre Veranstaltungsleitung.</translation>
    </message>
    <message>
        <source>Copy diagnostics</source>
        <translation>Diagnose kopieren</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <source>Share of expected guests checked in</source>
        <translation>Anteil der erwarteten Gäste, die eingecheckt sind</translation>
    </message>
    <message>
        <source>Check-ins per ticket type</source>
        <translation>Check-ins je Ticketart</translation>
    </message>
    <message>
        <source>Check-ins per desk</source>
        <translation>Check-ins je Schalter</translation>
    </message>
    <message>
        <source>Arrivals per 15 minutes</source>
        <translation>Ankünfte je 15 Minuten</translation>
    </message>
    <message>
        <source>Ticket type</source>
        <translation>Ticketart</translation>
    </message>
    <message>
        <source>In / expected</source>
        <translation>Da / erwartet</translation>
    </message>
    <message>
        <source>Desk</source>
        <translation>Schalter</translation>
    </message>
    <message>
        <source>Check-ins</source>
        <translation>Check-ins</translation>
    </message>
    <message>
        <source>No event open</source>
        <translation>Keine Veranstaltung geöffnet</translation>
    </message>
    <message>
        <source>{0} of {1} guests are in</source>
        <translation>{0} von {1} Gästen sind da</translation>
    </message>
    <message>
        <source>Walk-ins: {0} · Cancelled: {1} · Refused scans: {2} · List: {3}</source>
        <translation>Spontangäste: {0} · Storniert: {1} · Abgewiesene Scans: {2} · Liste: {3}</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>Arrivals</source>
        <translation>Ankünfte</translation>
    </message>
</context>
<context>
    <name>DatabaseTroubleLine</name>
    <message>
        <source>Database problem: {0}</source>
        <translation>Datenbankproblem: {0}</translation>
    </message>
    <message>
        <source>The disk is full</source>
        <translation>Der Datenträger ist voll</translation>
    </message>
    <message>
        <source>Another program holds the database</source>
        <translation>Ein anderes Programm hält die Datenbank belegt</translation>
    </message>
    <message>
        <source>The database cannot be written</source>
        <translation>Die Datenbank kann nicht beschrieben werden</translation>
    </message>
    <message>
        <source>The disk reported an error</source>
        <translation>Der Datenträger hat einen Fehler gemeldet</translation>
    </message>
    <message>
        <source>The venue database does not answer</source>
        <translation>Die Datenbank vor Ort antwortet nicht</translation>
    </message>
    <message>
        <source>The database reported an error</source>
        <translation>Die Datenbank hat einen Fehler gemeldet</translation>
    </message>
    <message>
        <source>Free some space on this computer&apos;s disk; check-ins saved before are kept.</source>
        <translation>Schaffen Sie Platz auf dem Datenträger dieses Computers; bereits gespeicherte Check-ins bleiben erhalten.</translation>
    </message>
    <message>
        <source>Another desk or program is writing to the database (an import?). Wait for it to finish or close it.</source>
        <translation>Ein anderer Schalter oder ein anderes Programm schreibt in die Datenbank (ein Import?). Warten Sie, bis es fertig ist, oder schließen Sie es.</translation>
    </message>
    <message>
        <source>The database file or its folder is read-only: call the organiser.</source>
        <translation>Die Datenbankdatei oder ihr Ordner ist schreibgeschützt: Rufen Sie das Veranstaltungsteam.</translation>
    </message>
    <message>
        <source>The disk may be failing or was removed: call the organiser; check-ins saved before are kept.</source>
        <translation>Der Datenträger ist womöglich defekt oder wurde entfernt: Rufen Sie das Veranstaltungsteam; bereits gespeicherte Check-ins bleiben erhalten.</translation>
    </message>
    <message>
        <source>Check the venue network and the database server; the organiser can help.</source>
        <translation>Prüfen Sie das Netzwerk vor Ort und den Datenbankserver; das Veranstaltungsteam kann helfen.</translation>
    </message>
    <message>
        <source>If it happens again, call the organiser; the details are in the log file.</source>
        <translation>Wenn es wieder passiert, rufen Sie das Veranstaltungsteam; die Einzelheiten stehen in der Protokolldatei.</translation>
    </message>
    <message>
        <source>Trying again by itself in {0} seconds…</source>
        <translation>Neuer Versuch von selbst in {0} Sekunden…</translation>
    </message>
    <message>
        <source>The check-in is saved whole or not at all: scan again to see which.</source>
        <translation>Der Check-in ist ganz oder gar nicht gespeichert: Scannen Sie erneut, um zu sehen, was zutrifft.</translation>
    </message>
    <message>
        <source>Nothing was checked in: scan again.</source>
        <translation>Nichts wurde eingecheckt: bitte erneut scannen.</translation>
    </message>
    <message>
        <source>Nothing was undone: try again.</source>
        <translation>Nichts wurde rückgängig gemacht: bitte erneut versuchen.</translation>
    </message>
    <message>
        <source>Nothing was changed: try again.</source>
        <translation>Nichts wurde geändert: bitte erneut versuchen.</translation>
    </message>
</context>
<context>
    <name>DeskController</name>
    <message>
        <source>No event is open: open the demo event or import one first.</source>
        <extracomment>How long an action that met another program&apos;s lock waits before its one retry. The action is tried once more in LOCK_RETRY_MS. The connection broke at the commit: the check-in is saved whole or not at all. The desk knows its event and list (or None: the database holds no event yet). A ScanResult: a scan, a check-in from search or details, or a walk-in. An UndoResult, or None when there was nothing to undo. A request failed; the text is for the desk. The database failed a request (a DatabaseTrouble); the desk says what to do. An action succeeded after database trouble: the trouble is over. Where the desk reads (on a lane): the database, or the venue copy while the server is away. Builds the service for an event (e.g. pretix&apos;s online-first desk); plain DeskService without. (event slug, list id) as stored in the database for this desk. Scans that arrived while the event was still being read: answered once it is.</extracomment>
        <translation>Keine Veranstaltung geöffnet: Öffnen Sie zuerst die Demo-Veranstaltung oder importieren Sie eine.</translation>
    </message>
</context>
<context>
    <name>DeskDialogs</name>
    <message>
        <source>Undo the exit of {name} at {time} at desk {desk}?</source>
        <translation>Den Ausgang von {name} um {time} an Schalter {desk} rückgängig machen?</translation>
    </message>
    <message>
        <source>Undo the check-in of {name} at {time} at desk {desk}?</source>
        <translation>Den Check-in von {name} um {time} an Schalter {desk} rückgängig machen?</translation>
    </message>
    <message>
        <source>Undo last check-in</source>
        <translation>Letzten Check-in rückgängig machen</translation>
    </message>
    <message>
        <source>Only this check-in is undone, even if more guests are scanned while this question is open.</source>
        <translation>Nur dieser Check-in wird rückgängig gemacht, auch wenn weitere Gäste gescannt werden, während diese Frage offen ist.</translation>
    </message>
</context>
<context>
    <name>DeskStatusBar</name>
    <message>
        <source>Desk: {0}</source>
        <translation>Schalter: {0}</translation>
    </message>
    <message>
        <source>Database: {0}</source>
        <translation>Datenbank: {0}</translation>
    </message>
    <message>
        <source>No server</source>
        <translation>Kein Server</translation>
    </message>
    <message>
        <source>Offline: {0}</source>
        <translation>Offline: {0}</translation>
    </message>
    <message>
        <source>Connection: {0}</source>
        <translation>Verbindung: {0}</translation>
    </message>
    <message>
        <source>Sync: this desk</source>
        <translation>Sync: dieser Schalter</translation>
    </message>
    <message>
        <source>another desk</source>
        <translation>ein anderer Schalter</translation>
    </message>
    <message>
        <source>Sync: {0}</source>
        <translation>Sync: {0}</translation>
    </message>
    <message>
        <source>failed {0}</source>
        <translation>fehlgeschlagen {0}</translation>
    </message>
    <message>
        <source>Sync: nobody</source>
        <translation>Sync: niemand</translation>
    </message>
    <message>
        <source>Syncs with pretix for every desk on this database.</source>
        <translation>Synchronisiert mit pretix für alle Schalter dieser Datenbank.</translation>
    </message>
    <message>
        <source>No desk syncs with pretix now; a desk with the pretix token takes over within seconds.</source>
        <translation>Gerade synchronisiert kein Schalter mit pretix; ein Schalter mit dem pretix-Token übernimmt in wenigen Sekunden.</translation>
    </message>
    <message>
        <source>Last successful sync: {0}</source>
        <translation>Letzter erfolgreicher Sync: {0}</translation>
    </message>
    <message>
        <source>Last error ({0}): {1}</source>
        <translation>Letzter Fehler ({0}): {1}</translation>
    </message>
    <message>
        <source>Queued uploads: {0}</source>
        <translation>Wartende Uploads: {0}</translation>
    </message>
</context>
<context>
    <name>DeskToolbar</name>
    <message>
        <source>Desk actions</source>
        <translation>Schalter-Aktionen</translation>
    </message>
    <message>
        <source>&amp;Walk-in…</source>
        <translation>&amp;Spontangast…</translation>
    </message>
    <message>
        <source>&amp;Undo last check-in…</source>
        <translation>Letzten Check-in &amp;rückgängig…</translation>
    </message>
    <message>
        <source>E&amp;ntry</source>
        <translation>&amp;Eingang</translation>
    </message>
    <message>
        <source>E&amp;xit</source>
        <translation>&amp;Ausgang</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Go to the &amp;scan field</source>
        <translation>Zum &amp;Scanfeld</translation>
    </message>
    <message>
        <source>&amp;Find a guest</source>
        <translation>Gast &amp;finden</translation>
    </message>
    <message>
        <source>Show the &amp;dashboard</source>
        <translation>&amp;Übersicht zeigen</translation>
    </message>
    <message>
        <source>Details of the selected &amp;guest…</source>
        <translation>Details des gewählten &amp;Gasts…</translation>
    </message>
    <message>
        <source>As the &amp;system</source>
        <translation>Wie das &amp;System</translation>
    </message>
    <message>
        <source>Scans record guests coming in</source>
        <translation>Scans erfassen ankommende Gäste</translation>
    </message>
    <message>
        <source>Scans record guests leaving</source>
        <translation>Scans erfassen gehende Gäste</translation>
    </message>
    <message>
        <source> Check-in &amp;list: </source>
        <translation> Check-in-&amp;Liste: </translation>
    </message>
    <message>
        <source>Check-in list</source>
        <translation>Check-in-Liste</translation>
    </message>
    <message>
        <source>&amp;Desk</source>
        <translation>&amp;Schalter</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Werkzeuge</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
</context>
<context>
    <name>EditorTools</name>
    <message>
        <source>Add text</source>
        <translation>Text hinzufügen</translation>
    </message>
    <message>
        <source>Add QR code</source>
        <translation>QR-Code hinzufügen</translation>
    </message>
    <message>
        <source>Add picture…</source>
        <translation>Bild hinzufügen…</translation>
    </message>
    <message>
        <source>Add colour band</source>
        <translation>Farbband hinzufügen</translation>
    </message>
    <message>
        <source>Remove element</source>
        <translation>Element entfernen</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Reset to the stock&apos;s layout</source>
        <translation>Standardlayout des Materials</translation>
    </message>
    <message>
        <source>Free text</source>
        <translation>Freier Text</translation>
    </message>
</context>
<context>
    <name>ElementForm</name>
    <message>
        <source>Left (mm)</source>
        <translation>Links (mm)</translation>
    </message>
    <message>
        <source>Top (mm)</source>
        <translation>Oben (mm)</translation>
    </message>
    <message>
        <source>Width (mm)</source>
        <translation>Breite (mm)</translation>
    </message>
    <message>
        <source>Height (mm)</source>
        <translation>Höhe (mm)</translation>
    </message>
    <message>
        <source>Size (mm)</source>
        <translation>Größe (mm)</translation>
    </message>
    <message>
        <source>Font size (pt)</source>
        <translation>Schriftgröße (pt)</translation>
    </message>
    <message>
        <source>Smallest font size (pt)</source>
        <translation>Kleinste Schriftgröße (pt)</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>QR content</source>
        <translation>QR-Inhalt</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Farbe</translation>
    </message>
    <message>
        <source>Band colour</source>
        <translation>Bandfarbe</translation>
    </message>
    <message>
        <source>Text colour</source>
        <translation>Textfarbe</translation>
    </message>
    <message>
        <source>Per ticket type</source>
        <translation>Je Ticketart</translation>
    </message>
    <message>
        <source>Insert a guest field…</source>
        <translation>Gastfeld einfügen…</translation>
    </message>
    <message>
        <source>Picture</source>
        <translation>Bild</translation>
    </message>
    <message>
        <source>Bold</source>
        <translation>Fett</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Links</translation>
    </message>
    <message>
        <source>Centre</source>
        <translation>Mitte</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Rechts</translation>
    </message>
    <message>
        <source>Alignment</source>
        <translation>Ausrichtung</translation>
    </message>
    <message>
        <source>Lines at most</source>
        <translation>Zeilen (höchstens)</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Welcome to Check-in Desk</source>
        <extracomment>The choices, in order. A choice without a handler is shown but disabled (its feature is not installed in this build yet).</extracomment>
        <translation>Willkommen bei Check-in Desk</translation>
    </message>
    <message>
        <source>This desk has no event yet. How do you want to start?</source>
        <translation>Dieser Schalter hat noch keine Veranstaltung. Wie möchten Sie beginnen?</translation>
    </message>
    <message>
        <source>Open the &amp;demo event</source>
        <translation>&amp;Demo-Veranstaltung öffnen</translation>
    </message>
    <message>
        <source>500 made-up guests to try scanning, searching and walk-ins. Needs no server.</source>
        <translation>500 erfundene Gäste zum Ausprobieren von Scannen, Suchen und Spontangästen. Ohne Server.</translation>
    </message>
    <message>
        <source>&amp;Import a file…</source>
        <translation>Datei &amp;importieren…</translation>
    </message>
    <message>
        <source>Registrations from a CSV or Excel file.</source>
        <translation>Anmeldungen aus einer CSV- oder Excel-Datei.</translation>
    </message>
    <message>
        <source>&amp;Connect to a server…</source>
        <translation>Mit einem Server &amp;verbinden…</translation>
    </message>
    <message>
        <source>Download the registrations from pretix.</source>
        <translation>Die Anmeldungen von pretix herunterladen.</translation>
    </message>
    <message>
        <source>&amp;Join a venue database…</source>
        <translation>Der Datenbank vor Ort &amp;beitreten…</translation>
    </message>
    <message>
        <source>Work with the other desks on the venue&apos;s shared PostgreSQL database.</source>
        <translation>Mit den anderen Schaltern an der gemeinsamen PostgreSQL-Datenbank vor Ort arbeiten.</translation>
    </message>
    <message>
        <source>Not available in this version yet.</source>
        <translation>In dieser Version noch nicht verfügbar.</translation>
    </message>
</context>
<context>
    <name>GuestBadgePreview</name>
    <message>
        <source>Rendering the badge…</source>
        <extracomment>The preview&apos;s largest side on screen, in pixels (a 90 mm badge at about 100 dpi).</extracomment>
        <translation>Namensschild wird erstellt…</translation>
    </message>
    <message>
        <source>pretix prints no badge for this guest&apos;s product.</source>
        <translation>pretix druckt für das Produkt dieses Gastes kein Namensschild.</translation>
    </message>
    <message>
        <source>Badge preview</source>
        <translation>Vorschau des Namensschilds</translation>
    </message>
    <message>
        <source>No badge preview: {0}</source>
        <translation>Keine Vorschau des Namensschilds: {0}</translation>
    </message>
</context>
<context>
    <name>GuestDialog</name>
    <message>
        <source>Notes</source>
        <extracomment>The notes as last saved or loaded: anything else typed is asked about on closing.</extracomment>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Check-in log</source>
        <translation>Check-in-Protokoll</translation>
    </message>
    <message>
        <source>Check &amp;in</source>
        <translation>&amp;Einchecken</translation>
    </message>
    <message>
        <source>&amp;Undo last check-in</source>
        <translation>Letzten Check-in &amp;rückgängig</translation>
    </message>
    <message>
        <source>&amp;Save notes</source>
        <translation>Notizen &amp;speichern</translation>
    </message>
    <message>
        <source>&amp;Print badge</source>
        <translation>Namensschild &amp;drucken</translation>
    </message>
    <message>
        <source>Badge printing is not set up on this desk.</source>
        <translation>An diesem Schalter ist kein Namensschilddruck eingerichtet.</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Notizen:</translation>
    </message>
    <message>
        <source>Check-ins on this list:</source>
        <translation>Check-ins auf dieser Liste:</translation>
    </message>
    <message>
        <source>Guest: {0}</source>
        <translation>Gast: {0}</translation>
    </message>
    <message>
        <source>Attention</source>
        <translation>Achtung</translation>
    </message>
    <message>
        <source>No check-ins yet.</source>
        <translation>Noch keine Check-ins.</translation>
    </message>
    <message>
        <source>valid</source>
        <translation>gültig</translation>
    </message>
    <message>
        <source>not paid</source>
        <translation>nicht bezahlt</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>storniert</translation>
    </message>
    <message>
        <source>in since {0}</source>
        <translation>da seit {0}</translation>
    </message>
    <message>
        <source>not checked in</source>
        <translation>nicht eingecheckt</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Firma</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Ticket type</source>
        <translation>Ticketart</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Checked in</source>
        <translation>Eingecheckt</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Walk-in</source>
        <translation>Spontangast</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>Gültig ab</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Gültig bis</translation>
    </message>
    <message>
        <source>entry</source>
        <translation>Eingang</translation>
    </message>
    <message>
        <source>exit</source>
        <translation>Ausgang</translation>
    </message>
    <message>
        <source> (undone)</source>
        <translation> (rückgängig gemacht)</translation>
    </message>
    <message>
        <source>Unsaved notes</source>
        <translation>Ungespeicherte Notizen</translation>
    </message>
    <message>
        <source>Save the notes you typed for {0}?</source>
        <translation>Die eingegebenen Notizen zu {0} speichern?</translation>
    </message>
</context>
<context>
    <name>GuestImport</name>
    <message>
        <source>&amp;Import guests from a file…</source>
        <translation>Gäste aus einer Datei &amp;importieren…</translation>
    </message>
    <message>
        <source>Import guests</source>
        <translation>Gäste importieren</translation>
    </message>
    <message>
        <source>Guest lists (*.csv *.txt *.tsv *.xlsx)</source>
        <translation>Gästelisten (*.csv *.txt *.tsv *.xlsx)</translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <source>Diagnostics copied: paste them into a message.</source>
        <translation>Diagnose kopiert: in eine Nachricht einfügen.</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Check-in Desk…</source>
        <translation>Ü&amp;ber Check-in Desk…</translation>
    </message>
    <message>
        <source>Copy &amp;diagnostics</source>
        <translation>&amp;Diagnose kopieren</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import guests from {0}</source>
        <extracomment>An import adds guests and may create the event.</extracomment>
        <translation>Gäste aus {0} importieren</translation>
    </message>
    <message>
        <source>Reading {0} …</source>
        <translation>{0} wird gelesen …</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Veranstaltung</translation>
    </message>
    <message>
        <source>— not imported —</source>
        <translation>— nicht importieren —</translation>
    </message>
    <message>
        <source>Step 1 of 3: which column holds what?</source>
        <translation>Schritt 1 von 3: Welche Spalte enthält was?</translation>
    </message>
    <message>
        <source>Choose a column: {0}</source>
        <translation>Spalte wählen: {0}</translation>
    </message>
    <message>
        <source>{0} guests · {1} · header in line {2} · the preview shows the first rows as they will be imported.</source>
        <translation>{0} Gäste · {1} · Kopfzeile in Zeile {2} · die Vorschau zeigt die ersten Zeilen so, wie sie importiert werden.</translation>
    </message>
    <message>
        <source>Cancelling … nothing is kept.</source>
        <translation>Wird abgebrochen … nichts wird behalten.</translation>
    </message>
    <message>
        <source>Step 3 of 3: check before anything is written.</source>
        <translation>Schritt 3 von 3: Prüfen, bevor etwas gespeichert wird.</translation>
    </message>
    <message>
        <source>Done: the guests are in the event. Close when you have read the summary.</source>
        <translation>Fertig: Die Gäste sind in der Veranstaltung. Schließen Sie, wenn Sie die Zusammenfassung gelesen haben.</translation>
    </message>
    <message>
        <source>Step 2 of 3: which of the event&apos;s ticket types and statuses is each value in the file?</source>
        <translation>Schritt 2 von 3: Welche Ticketart und welcher Status der Veranstaltung ist jeder Wert in der Datei?</translation>
    </message>
    <message>
        <source>Choose a status for: {0}</source>
        <translation>Bitte einen Status wählen für: {0}</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Import {0} guests</source>
        <translation>{0} Gäste importieren</translation>
    </message>
    <message>
        <source>Checking the file …</source>
        <translation>Die Datei wird geprüft …</translation>
    </message>
    <message>
        <source>Importing … the desk keeps scanning meanwhile.</source>
        <translation>Import läuft … der Einlass scannt währenddessen weiter.</translation>
    </message>
    <message>
        <source>Import cancelled: nothing was written.</source>
        <translation>Import abgebrochen: Es wurde nichts gespeichert.</translation>
    </message>
    <message>
        <source>Nothing was imported:</source>
        <translation>Es wurde nichts importiert:</translation>
    </message>
</context>
<context>
    <name>ImportFields</name>
    <message>
        <source>ID</source>
        <extracomment>The translation context of the field labels and mapping problems (the import dialog translates them). The fields a guest list can fill, in the order the mapping dialog shows them.</extracomment>
        <translation>ID</translation>
    </message>
    <message>
        <source>Salutation</source>
        <translation>Anrede</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Vorname</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nachname</translation>
    </message>
    <message>
        <source>Company or organisation</source>
        <translation>Firma oder Organisation</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Ticket type</source>
        <translation>Ticketart</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Bemerkung</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>no column for the guests&apos; names (Vorname/First name or Nachname/Last name)</source>
        <extracomment>field key -&gt; column index in the table</extracomment>
        <translation>keine Spalte für die Namen der Gäste (Vorname oder Nachname)</translation>
    </message>
</context>
<context>
    <name>ImportPreview</name>
    <message>
        <source>Line {0}</source>
        <translation>Zeile {0}</translation>
    </message>
</context>
<context>
    <name>JoinVenueDialog</name>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>Tables</source>
        <translation>Tabellen</translation>
    </message>
    <message>
        <source>Permissions</source>
        <translation>Berechtigungen</translation>
    </message>
    <message>
        <source>Temporary tables</source>
        <translation>Temporäre Tabellen</translation>
    </message>
    <message>
        <source>Network speed</source>
        <translation>Netzwerktempo</translation>
    </message>
    <message>
        <source>Clock</source>
        <translation>Uhr</translation>
    </message>
    <message>
        <source>Join a venue database</source>
        <extracomment>The venue login and its password, once tested ok and Join was pressed.</extracomment>
        <translation>Der Datenbank vor Ort beitreten</translation>
    </message>
    <message>
        <source>Several desks share one PostgreSQL database on the venue network: every desk sees every check-in at once. Ask the organiser for these details.</source>
        <translation>Mehrere Schalter teilen sich eine PostgreSQL-Datenbank im Netzwerk vor Ort: Jeder Schalter sieht jeden Check-in sofort. Die Angaben bekommen Sie vom Veranstalter.</translation>
    </message>
    <message>
        <source>e.g. 192.168.1.10 or venue-server</source>
        <translation>z. B. 192.168.1.10 oder venue-server</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Datenbank:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Benutzer:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;wort:</translation>
    </message>
    <message>
        <source>&amp;Test the connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <source>&amp;Join</source>
        <translation>Beitr&amp;eten</translation>
    </message>
    <message>
        <source>Please fill in: {0}.</source>
        <translation>Bitte ausfüllen: {0}.</translation>
    </message>
    <message>
        <source>Testing the connection…</source>
        <translation>Verbindung wird getestet…</translation>
    </message>
    <message>
        <source>the host</source>
        <translation>den Host</translation>
    </message>
    <message>
        <source>the database</source>
        <translation>die Datenbank</translation>
    </message>
    <message>
        <source>the user</source>
        <translation>den Benutzer</translation>
    </message>
    <message>
        <source>the host (without spaces)</source>
        <translation>den Host (ohne Leerzeichen)</translation>
    </message>
    <message>
        <source>the database (without spaces)</source>
        <translation>die Datenbank (ohne Leerzeichen)</translation>
    </message>
    <message>
        <source>the user (without spaces)</source>
        <translation>den Benutzer (ohne Leerzeichen)</translation>
    </message>
    <message>
        <source>✔ This desk can work on this database. Press Join to open it.</source>
        <translation>✔ Dieser Schalter kann mit dieser Datenbank arbeiten. „Beitreten“ öffnet sie.</translation>
    </message>
    <message>
        <source>✘ This desk cannot work on this database yet ({0}). Fix the lines marked ✘ and test again.</source>
        <translation>✘ Dieser Schalter kann noch nicht mit dieser Datenbank arbeiten ({0}). Beheben Sie die mit ✘ markierten Zeilen und testen Sie erneut.</translation>
    </message>
    <message>
        <source>✘ The test could not run: {0}</source>
        <translation>✘ Der Test konnte nicht laufen: {0}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>No event yet</source>
        <extracomment>Keys line edits claim for themselves that the desk needs more: undo the check-in (not the typed text), entry and exit mode (Ctrl+E is &quot;end of line&quot; in X11 line edits). (Key sequences are made once the application exists: a standard key needs its platform.) The desk knows its event and list and takes scans (or None: no event yet). The settings were edited and saved; services the window does not own apply them too. The app&apos;s lanes and change notifier (its own when none is given: tests, screenshots). While set, scanner bursts go here instead of to the desk (a dialog reading a setup code).</extracomment>
        <translation>Noch keine Veranstaltung</translation>
    </message>
    <message>
        <source>Open the demo event, import a file or connect to a server.</source>
        <translation>Öffnen Sie die Demo-Veranstaltung, importieren Sie eine Datei oder verbinden Sie sich mit einem Server.</translation>
    </message>
    <message>
        <source>EXIT: ticket code of a guest leaving</source>
        <translation>AUSGANG: Ticketcode eines gehenden Gastes</translation>
    </message>
    <message>
        <source>EXIT MODE: s&amp;can the ticket of a guest leaving, then press Enter:</source>
        <translation>AUSGANG: Ticket eines gehenden Gastes s&amp;cannen, dann Enter drücken:</translation>
    </message>
    <message>
        <source>Check-in Desk – {0} – {1}</source>
        <translation>Check-in Desk – {0} – {1}</translation>
    </message>
    <message>
        <source>EXIT MODE – {0}</source>
        <translation>AUSGANG – {0}</translation>
    </message>
    <message>
        <source>Nothing to undo</source>
        <translation>Nichts rückgängig zu machen</translation>
    </message>
    <message>
        <source>This desk has no check-in on this list that could be undone.</source>
        <translation>Dieser Schalter hat auf dieser Liste keinen Check-in, der rückgängig gemacht werden könnte.</translation>
    </message>
    <message>
        <source>Check-in undone</source>
        <translation>Check-in rückgängig gemacht</translation>
    </message>
    <message>
        <source>{0} is no longer checked in.</source>
        <translation>{0} ist nicht mehr eingecheckt.</translation>
    </message>
    <message>
        <source>Badge not printed: {0}</source>
        <translation>Namensschild nicht gedruckt: {0}</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>Etwas ist schiefgegangen</translation>
    </message>
    <message>
        <source>Something went wrong: {0}</source>
        <translation>Etwas ist schiefgegangen: {0}</translation>
    </message>
    <message>
        <source>S&amp;can or type a ticket code, then press Enter:</source>
        <translation>Ticket-Code s&amp;cannen oder eintippen, dann Enter drücken:</translation>
    </message>
    <message>
        <source>Ticket code</source>
        <translation>Ticket-Code</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Suche</translation>
    </message>
    <message>
        <source>&amp;Dashboard</source>
        <translation>Ü&amp;bersicht</translation>
    </message>
    <message>
        <source>Two codes in view</source>
        <translation>Zwei Codes im Bild</translation>
    </message>
    <message>
        <source>Show one ticket at a time. Nobody was checked in.</source>
        <translation>Bitte nur ein Ticket auf einmal zeigen. Niemand wurde eingecheckt.</translation>
    </message>
</context>
<context>
    <name>PersonalDataTools</name>
    <message>
        <source>&amp;Remove personal data of this event (GDPR)…</source>
        <translation>Personenbezogene Daten dieser Veranstaltung &amp;löschen (DSGVO)…</translation>
    </message>
    <message>
        <source>Remove personal data</source>
        <translation>Personenbezogene Daten löschen</translation>
    </message>
    <message>
        <source>Remove all personal data of “{0}” from this database? Counts are kept for reports; names, e-mail addresses and codes are gone for good.</source>
        <translation>Alle personenbezogenen Daten von „{0}“ aus dieser Datenbank löschen? Die Zahlen bleiben für Berichte erhalten; Namen, E-Mail-Adressen und Codes sind endgültig gelöscht.</translation>
    </message>
    <message>
        <source>Personal data removed</source>
        <translation>Personenbezogene Daten gelöscht</translation>
    </message>
    <message>
        <source>The personal data of this event was removed. Deletion receipt: {0}</source>
        <translation>Die personenbezogenen Daten dieser Veranstaltung wurden gelöscht. Löschprotokoll: {0}</translation>
    </message>
    <message>
        <source>Personal data NOT fully removed</source>
        <translation>Personenbezogene Daten NICHT vollständig entfernt</translation>
    </message>
    <message>
        <source>NOT DONE: the names are deleted from the tables but still in the database file, because another desk is reading it.</source>
        <translation>NICHT ERLEDIGT: Die Namen sind aus den Tabellen gelöscht, stehen aber noch in der Datenbankdatei, weil ein anderer Schalter sie gerade liest.</translation>
    </message>
    <message>
        <source>Close the other desks; the next start of Check-in Desk then removes them from the file. Deletion receipt: {0}</source>
        <translation>Schließen Sie die anderen Schalter; beim nächsten Start von Check-in Desk werden sie dann aus der Datei entfernt. Löschprotokoll: {0}</translation>
    </message>
    <message>
        <source>Retention period over</source>
        <translation>Aufbewahrungsfrist abgelaufen</translation>
    </message>
    <message>
        <source>Personal data of these events is kept past its retention date:
{0}

Remove it with Tools → Remove personal data.</source>
        <translation>Personenbezogene Daten dieser Veranstaltungen werden über ihre Aufbewahrungsfrist hinaus gespeichert:
{0}

Löschen Sie sie mit Werkzeuge → Personenbezogene Daten löschen.</translation>
    </message>
</context>
<context>
    <name>ReconcileDialog</name>
    <message>
        <source>Reconcile with pretix</source>
        <extracomment>Reconciling uploads what waits and pulls the server&apos;s state first. The organiser chose to connect this event to pretix (the dialog closes; the tool opens the connect dialog).</extracomment>
        <translation>Mit pretix abgleichen</translation>
    </message>
    <message>
        <source>Uploading, downloading and comparing with the server…</source>
        <translation>Hochladen, Herunterladen und Abgleich mit dem Server …</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Befund</translation>
    </message>
    <message>
        <source>Order or code</source>
        <translation>Bestellung oder Code</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Einzelheiten</translation>
    </message>
    <message>
        <source>Reconciliation findings</source>
        <translation>Ergebnisse des Abgleichs</translation>
    </message>
    <message>
        <source>&amp;Save report…</source>
        <translation>Bericht &amp;speichern …</translation>
    </message>
    <message>
        <source>&amp;Connect to pretix…</source>
        <translation>Mit pretix &amp;verbinden…</translation>
    </message>
    <message>
        <source>Reconciliation failed: {0}</source>
        <translation>Abgleich fehlgeschlagen: {0}</translation>
    </message>
    <message>
        <source>To connect it: in pretix, open your organiser account → Devices → “Connect a device”, then click “Connect to pretix…” below and scan or paste the setup code pretix shows. Reconcile again once the desk has downloaded the event.</source>
        <translation>So verbinden Sie sie: Öffnen Sie in pretix Ihr Veranstalterkonto → Geräte → „Gerät verbinden“, klicken Sie dann unten auf „Mit pretix verbinden…“ und scannen oder fügen Sie den Einrichtungscode ein, den pretix zeigt. Gleichen Sie erneut ab, sobald der Schalter die Veranstaltung heruntergeladen hat.</translation>
    </message>
    <message>
        <source>Connect this desk to the event&apos;s pretix server first (in pretix: your organiser account → Devices → “Connect a device”), then reconcile again.</source>
        <translation>Verbinden Sie diesen Schalter zuerst mit dem pretix-Server der Veranstaltung (in pretix: Ihr Veranstalterkonto → Geräte → „Gerät verbinden“) und gleichen Sie dann erneut ab.</translation>
    </message>
    <message>
        <source>This event is not connected to pretix</source>
        <translation>Diese Veranstaltung ist nicht mit pretix verbunden</translation>
    </message>
    <message>
        <source>Reconciling compares the check-ins of every desk with the pretix server after the event: what was uploaded, what still waits, and who is checked in on one side only. An event imported from a guest file has no server to compare with.</source>
        <translation>Der Abgleich vergleicht nach der Veranstaltung die Check-ins aller Schalter mit dem pretix-Server: was hochgeladen wurde, was noch wartet und wer nur auf einer Seite eingecheckt ist. Eine aus einer Gästedatei importierte Veranstaltung hat keinen Server zum Vergleichen.</translation>
    </message>
    <message>
        <source>{0} — {1}: {2} uploaded and accepted, {3} waiting for upload, {4} entries on pretix.</source>
        <translation>{0} — {1}: {2} hochgeladen und angenommen, {3} warten auf das Hochladen, {4} Einträge bei pretix.</translation>
    </message>
    <message>
        <source>Save the reconciliation report</source>
        <translation>Bericht des Abgleichs speichern</translation>
    </message>
    <message>
        <source>PDF report (*.pdf)</source>
        <translation>PDF-Bericht (*.pdf)</translation>
    </message>
    <message>
        <source>CSV table (*.csv)</source>
        <translation>CSV-Tabelle (*.csv)</translation>
    </message>
    <message>
        <source>Report written to {0}</source>
        <translation>Bericht gespeichert unter {0}</translation>
    </message>
</context>
<context>
    <name>Reconciliation</name>
    <message>
        <source>&amp;Reconcile with pretix…</source>
        <translation>Mit pretix &amp;abgleichen…</translation>
    </message>
</context>
<context>
    <name>RuleWords</name>
    <message>
        <source>the check-in list&apos;s rules do not admit this ticket now</source>
        <translation>die Regeln der Check-in-Liste lassen dieses Ticket jetzt nicht ein</translation>
    </message>
    <message>
        <source>only allowed before {time}</source>
        <translation>nur vor {time} erlaubt</translation>
    </message>
    <message>
        <source>only allowed after {time}</source>
        <translation>erst nach {time} erlaubt</translation>
    </message>
    <message>
        <source>this ticket type is not allowed here</source>
        <translation>diese Ticketart ist hier nicht zugelassen</translation>
    </message>
    <message>
        <source>wrong entrance for this ticket</source>
        <translation>falscher Eingang für dieses Ticket</translation>
    </message>
    <message>
        <source>the guest is not inside (checked out or never entered)</source>
        <translation>der Gast ist nicht drinnen (ausgecheckt oder nie eingelassen)</translation>
    </message>
    <message>
        <source>the guest is already inside</source>
        <translation>der Gast ist bereits drinnen</translation>
    </message>
    <message>
        <source>maximum {label} reached ({count} so far)</source>
        <translation>{label}: Höchstwert erreicht (bisher {count})</translation>
    </message>
    <message>
        <source>minimum {label} not reached ({count} so far)</source>
        <translation>{label}: Mindestwert nicht erreicht (bisher {count})</translation>
    </message>
    <message>
        <source>maximum {label} reached ({minutes} min)</source>
        <translation>{label}: Höchstwert erreicht ({minutes} Min.)</translation>
    </message>
    <message>
        <source>minimum {label} not reached ({minutes} min)</source>
        <translation>{label}: Mindestwert nicht erreicht ({minutes} Min.)</translation>
    </message>
    <message>
        <source>{label}: no entry yet</source>
        <translation>{label}: noch kein Einlass</translation>
    </message>
    <message>
        <source>{label} is not {limit}</source>
        <translation>{label} ist nicht {limit}</translation>
    </message>
    <message>
        <source>{label} is {limit}</source>
        <translation>{label} ist {limit}</translation>
    </message>
    <message>
        <source>only on {day}</source>
        <translation>nur am {day}</translation>
    </message>
    <message>
        <source>not on {day}</source>
        <translation>nicht am {day}</translation>
    </message>
    <message>
        <source>time since the last entry</source>
        <extracomment>What a count or a time measures, by pretix&apos;s variable name.</extracomment>
        <translation>Zeit seit dem letzten Einlass</translation>
    </message>
    <message>
        <source>time since the first entry</source>
        <translation>Zeit seit dem ersten Einlass</translation>
    </message>
    <message>
        <source>number of days with an entry</source>
        <translation>Anzahl der Tage mit Einlass</translation>
    </message>
    <message>
        <source>number of entries</source>
        <translation>Anzahl der Einlässe</translation>
    </message>
    <message>
        <source>number of entries today</source>
        <translation>Anzahl der Einlässe heute</translation>
    </message>
    <message>
        <source>number of entries since {time}</source>
        <translation>Anzahl der Einlässe seit {time}</translation>
    </message>
    <message>
        <source>number of entries before {time}</source>
        <translation>Anzahl der Einlässe vor {time}</translation>
    </message>
    <message>
        <source>number of days with an entry since {time}</source>
        <translation>Anzahl der Tage mit Einlass seit {time}</translation>
    </message>
    <message>
        <source>number of days with an entry before {time}</source>
        <translation>Anzahl der Tage mit Einlass vor {time}</translation>
    </message>
    <message>
        <source>weekday</source>
        <translation>Wochentag</translation>
    </message>
    <message>
        <source>Monday</source>
        <translation>Montag</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>Dienstag</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>Mittwoch</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>Donnerstag</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>Freitag</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>Samstag</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>Sonntag</translation>
    </message>
</context>
<context>
    <name>ScannerCheck</name>
    <message>
        <source>No characters arrived. Is the scanner set to USB keyboard mode?</source>
        <translation>Es kamen keine Zeichen an. Ist der Scanner auf USB-Tastatur-Modus eingestellt?</translation>
    </message>
    <message>
        <source>This was not the test code: the scanner sent “{0}”. Scan the code shown here.</source>
        <translation>Das war nicht der Testcode: Der Scanner sandte „{0}“. Scannen Sie den hier gezeigten Code.</translation>
    </message>
    <message>
        <source>The scanner read the test code.</source>
        <translation>Der Scanner hat den Testcode gelesen.</translation>
    </message>
    <message>
        <source>Prefix: “{0}”</source>
        <translation>Präfix: „{0}“</translation>
    </message>
    <message>
        <source>Prefix: none</source>
        <translation>Präfix: keines</translation>
    </message>
    <message>
        <source>Suffix: “{0}”</source>
        <translation>Suffix: „{0}“</translation>
    </message>
    <message>
        <source>Suffix: none</source>
        <translation>Suffix: keines</translation>
    </message>
    <message>
        <source>Key interval (median): {0} ms</source>
        <translation>Tastenabstand (Median): {0} ms</translation>
    </message>
    <message>
        <source>Keyboard layout: the same as this computer&apos;s.</source>
        <translation>Tastaturlayout: dasselbe wie das dieses Computers.</translation>
    </message>
    <message>
        <source>Some characters (such as + and =) were lost to this computer&apos;s dead keys: codes with them cannot be read until the layouts match.</source>
        <translation>Einige Zeichen (etwa + und =) gingen an Tottasten dieses Computers verloren: Codes mit ihnen lassen sich erst lesen, wenn die Layouts übereinstimmen.</translation>
    </message>
    <message>
        <source>Ends each code with: Enter</source>
        <translation>Beendet jeden Code mit: Enter</translation>
    </message>
    <message>
        <source>Ends each code with: Tab</source>
        <translation>Beendet jeden Code mit: Tab</translation>
    </message>
    <message>
        <source>Ends each code with: nothing (the desk waits for a pause)</source>
        <translation>Beendet jeden Code mit: nichts (der Check-in wartet auf eine Pause)</translation>
    </message>
    <message>
        <source>Capitals arrive in the wrong case: Caps Lock is on. Switch it off.</source>
        <translation>Großbuchstaben kommen vertauscht an: Die Feststelltaste ist an. Schalten Sie sie aus.</translation>
    </message>
    <message>
        <source>Capitals arrive in lower case: the scanner sends no Shift. Set it to keep upper and lower case.</source>
        <translation>Großbuchstaben kommen klein an: Der Scanner sendet kein Umschalt. Stellen Sie ihn so ein, dass er Groß- und Kleinschreibung beibehält.</translation>
    </message>
    <message>
        <source>Capitals: correct.</source>
        <translation>Großbuchstaben: richtig.</translation>
    </message>
</context>
<context>
    <name>ScannerCheckDialog</name>
    <message>
        <source>Check scanner</source>
        <extracomment>The settings matching the scanner (key → value), chosen with &quot;Apply these settings&quot;.</extracomment>
        <translation>Scanner prüfen</translation>
    </message>
    <message>
        <source>Scan this code with the scanner. The desk listens to the keys the scanner sends and tells you what it saw; nothing is checked in.</source>
        <translation>Scannen Sie diesen Code mit dem Scanner. Der Check-in hört auf die Tasten, die der Scanner sendet, und sagt, was er gesehen hat; niemand wird eingecheckt.</translation>
    </message>
    <message>
        <source>Test code {0}</source>
        <translation>Testcode {0}</translation>
    </message>
    <message>
        <source>Waiting for a scan…</source>
        <translation>Warte auf einen Scan…</translation>
    </message>
    <message>
        <source>Apply these settings</source>
        <translation>Diese Einstellungen übernehmen</translation>
    </message>
    <message>
        <source>Applied to the settings: press Save there to keep them.</source>
        <translation>In die Einstellungen übernommen: Drücken Sie dort „Speichern“, um sie zu behalten.</translation>
    </message>
</context>
<context>
    <name>SearchModel</name>
    <message>
        <source>In?</source>
        <extracomment>Search shows at most this many guests; more letters narrow it down. What tells a row apart from another that shows the same name and company.</extracomment>
        <translation>Da?</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Firma</translation>
    </message>
    <message>
        <source>Ticket type</source>
        <translation>Ticketart</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Code: {0}</source>
        <translation>Code: {0}</translation>
    </message>
    <message>
        <source>✔ in since {0}</source>
        <translation>✔ da seit {0}</translation>
    </message>
    <message>
        <source>– not yet</source>
        <translation>– noch nicht</translation>
    </message>
    <message>
        <source> (walk-in)</source>
        <translation> (Spontangast)</translation>
    </message>
    <message>
        <source>valid</source>
        <translation>gültig</translation>
    </message>
    <message>
        <source>not paid</source>
        <translation>nicht bezahlt</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>storniert</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>&amp;Search guests (name, company, e-mail or code):</source>
        <extracomment>No column but the name grows past this; the rest of a long company name is in the tooltip. The rows for a text are on screen (perf_counter when shown, the text).</extracomment>
        <translation>Gäste &amp;suchen (Name, Firma, E-Mail oder Code):</translation>
    </message>
    <message>
        <source>Type a name…</source>
        <translation>Namen eintippen…</translation>
    </message>
    <message>
        <source>Search guests</source>
        <translation>Gäste suchen</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Suchergebnisse</translation>
    </message>
    <message>
        <source>Enter checks in the selected guest; double-click shows details.</source>
        <translation>Enter checkt den gewählten Gast ein; Doppelklick zeigt Details.</translation>
    </message>
    <message numerus="yes">
        <source>The first %n guests are shown: type more to narrow the search.</source>
        <translation>
            <numerusform>Der erste %n Gast wird gezeigt: tippen Sie weiter, um die Suche einzugrenzen.</numerusform>
            <numerusform>Die ersten %n Gäste werden gezeigt: tippen Sie weiter, um die Suche einzugrenzen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n guest(s) found.</source>
        <translation>
            <numerusform>%n Gast gefunden.</numerusform>
            <numerusform>%n Gäste gefunden.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ServerConnection</name>
    <message>
        <source>&amp;Connect to a pretix server…</source>
        <translation>Mit einem pretix-Server &amp;verbinden…</translation>
    </message>
    <message>
        <source>Connected to “{0}”: {1} registrations downloaded.</source>
        <translation>Verbunden mit „{0}“: {1} Anmeldungen heruntergeladen.</translation>
    </message>
    <message>
        <source>Connecting to pretix was stopped. What was downloaded is kept; a connected event goes on syncing in the background.</source>
        <translation>Das Verbinden mit pretix wurde abgebrochen. Bereits Heruntergeladenes bleibt erhalten; eine verbundene Veranstaltung wird im Hintergrund weiter abgeglichen.</translation>
    </message>
</context>
<context>
    <name>SettingEditors</name>
    <message>
        <source>{0} (not found)</source>
        <translation>{0} (nicht gefunden)</translation>
    </message>
    <message>
        <source>As the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <source>Automatic: suits the stock</source>
        <translation>Automatisch: passend zum Material</translation>
    </message>
    <message>
        <source>None chosen yet</source>
        <translation>Noch keiner gewählt</translation>
    </message>
    <message>
        <source>None: print to the badge printer above</source>
        <translation>Keine: über den Drucker oben drucken</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Camera</source>
        <translation>Kamera</translation>
    </message>
    <message>
        <source>Desk</source>
        <translation>Schalter</translation>
    </message>
    <message>
        <source>Scanner</source>
        <translation>Scanner</translation>
    </message>
    <message>
        <source>Badges &amp; printing</source>
        <translation>Namensschilder &amp; Druck</translation>
    </message>
    <message>
        <source>pretix</source>
        <translation>pretix</translation>
    </message>
    <message>
        <source>Look</source>
        <translation>Darstellung</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Weiteres</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>s</source>
        <translation>s</translation>
    </message>
    <message>
        <source>min</source>
        <translation>min</translation>
    </message>
    <message>
        <source>backups</source>
        <translation>Sicherungen</translation>
    </message>
    <message>
        <source>characters</source>
        <translation>Zeichen</translation>
    </message>
    <message>
        <source>Desk name</source>
        <translation>Name des Schalters</translation>
    </message>
    <message>
        <source>Shown on every check-in this desk records.</source>
        <translation>Steht bei jedem Check-in, den dieser Schalter erfasst.</translation>
    </message>
    <message>
        <source>Exit mode ends after idle</source>
        <translation>Ausgangsmodus endet nach Leerlauf</translation>
    </message>
    <message>
        <source>A desk in exit mode returns to entry after this long without a scan; 0 never returns.</source>
        <translation>Ein Schalter im Ausgangsmodus kehrt nach so langer Zeit ohne Scan zum Eingang zurück; 0 kehrt nie zurück.</translation>
    </message>
    <message>
        <source>Answer stays</source>
        <translation>Antwort bleibt stehen</translation>
    </message>
    <message>
        <source>0 keeps the answer until the next scan.</source>
        <translation>0 lässt die Antwort bis zum nächsten Scan stehen.</translation>
    </message>
    <message>
        <source>Sounds</source>
        <translation>Töne</translation>
    </message>
    <message>
        <source>Distinct sounds for ok, warning and refused.</source>
        <translation>Eigene Töne für Einlass, Warnung und Abweisung.</translation>
    </message>
    <message>
        <source>Walk-in ticket type</source>
        <translation>Ticketart für Spontangäste</translation>
    </message>
    <message>
        <source>The ticket type a walk-in guest gets unless you pick another; empty means the event&apos;s most common type.</source>
        <translation>Die Ticketart, die ein Spontangast bekommt, wenn Sie keine andere wählen; leer heißt: die häufigste Ticketart der Veranstaltung.</translation>
    </message>
    <message>
        <source>Backup every</source>
        <translation>Sicherung alle</translation>
    </message>
    <message>
        <source>The desk copies its database at start, then this often.</source>
        <translation>Der Schalter kopiert seine Datenbank beim Start und dann so oft.</translation>
    </message>
    <message>
        <source>Venue database timeout</source>
        <translation>Zeitlimit der Veranstaltungsdatenbank</translation>
    </message>
    <message>
        <source>A venue PostgreSQL that does not answer within this long: the desk goes on with its own copy.</source>
        <translation>Antwortet die PostgreSQL-Datenbank der Veranstaltung nicht so schnell, arbeitet der Schalter mit seiner eigenen Kopie weiter.</translation>
    </message>
    <message>
        <source>Try the venue database again after</source>
        <translation>Veranstaltungsdatenbank erneut versuchen nach</translation>
    </message>
    <message>
        <source>While on its own copy, the desk asks the venue database again this often and then merges.</source>
        <translation>Solange der Schalter mit seiner Kopie arbeitet, fragt er so oft erneut bei der Veranstaltungsdatenbank an und führt dann zusammen.</translation>
    </message>
    <message>
        <source>Backups kept</source>
        <translation>Aufbewahrte Sicherungen</translation>
    </message>
    <message>
        <source>The newest this many stay; older ones are deleted.</source>
        <translation>So viele der neuesten bleiben; ältere werden gelöscht.</translation>
    </message>
    <message>
        <source>Scanner prefix</source>
        <translation>Scanner-Präfix</translation>
    </message>
    <message>
        <source>Characters the scanner sends before each code.</source>
        <translation>Zeichen, die der Scanner vor jedem Code sendet.</translation>
    </message>
    <message>
        <source>Scanner suffix</source>
        <translation>Scanner-Suffix</translation>
    </message>
    <message>
        <source>Characters the scanner sends after each code.</source>
        <translation>Zeichen, die der Scanner nach jedem Code sendet.</translation>
    </message>
    <message>
        <source>Longest pause inside a code</source>
        <translation>Längste Pause in einem Code</translation>
    </message>
    <message>
        <source>A longer pause between two keys ends the code: scanners never pause.</source>
        <translation>Eine längere Pause zwischen zwei Tasten beendet den Code: Scanner machen nie Pausen.</translation>
    </message>
    <message>
        <source>Typical scanner key interval</source>
        <translation>Typischer Tastenabstand des Scanners</translation>
    </message>
    <message>
        <source>Slower bursts are a person typing (a scanner types a key every 1–10 ms).</source>
        <translation>Langsamere Folgen tippt ein Mensch (ein Scanner tippt alle 1–10 ms eine Taste).</translation>
    </message>
    <message>
        <source>Shortest code</source>
        <translation>Kürzester Code</translation>
    </message>
    <message>
        <source>Shorter bursts of keys are typing, not a scan.</source>
        <translation>Kürzere Tastenfolgen sind Tippen, kein Scan.</translation>
    </message>
    <message>
        <source>End pause</source>
        <translation>Pause am Ende</translation>
    </message>
    <message>
        <source>For scanners that send no Enter or Tab: a pause this long ends the code.</source>
        <translation>Für Scanner ohne Enter oder Tab: eine so lange Pause beendet den Code.</translation>
    </message>
    <message>
        <source>Scan with the camera</source>
        <translation>Mit der Kamera scannen</translation>
    </message>
    <message>
        <source>Webcam reads QR codes; its picture shows in the desk window (Ctrl+K).</source>
        <translation>Die Webcam liest QR-Codes; ihr Bild erscheint im Schalterfenster (Strg+K).</translation>
    </message>
    <message>
        <source>The webcam that reads QR codes.</source>
        <translation>Die Webcam, die QR-Codes liest.</translation>
    </message>
    <message>
        <source>Camera reads a code again after</source>
        <translation>Kamera liest einen Code wieder nach</translation>
    </message>
    <message>
        <source>Print badge on check-in</source>
        <translation>Namensschild beim Check-in drucken</translation>
    </message>
    <message>
        <source>Prints each guest&apos;s badge once, at their first check-in.</source>
        <translation>Druckt das Namensschild jedes Gasts einmal, beim ersten Check-in.</translation>
    </message>
    <message>
        <source>Badge stock</source>
        <translation>Material für Namensschilder</translation>
    </message>
    <message>
        <source>The labels or sheets the badges print on.</source>
        <translation>Die Etiketten oder Bögen, auf die die Namensschilder gedruckt werden.</translation>
    </message>
    <message>
        <source>Badge layout</source>
        <translation>Namensschild-Layout</translation>
    </message>
    <message>
        <source>A built-in layout, your own, or one of the event&apos;s from pretix.</source>
        <translation>Ein mitgeliefertes Layout, Ihr eigenes oder eines der Veranstaltung aus pretix.</translation>
    </message>
    <message>
        <source>Badge printer</source>
        <translation>Drucker für Namensschilder</translation>
    </message>
    <message>
        <source>Badges print here without asking.</source>
        <translation>Namensschilder werden ohne Nachfrage hier gedruckt.</translation>
    </message>
    <message>
        <source>CUPS queue</source>
        <translation>CUPS-Warteschlange</translation>
    </message>
    <message>
        <source>Sends badges straight to this CUPS queue instead of the printer above.</source>
        <translation>Schickt Namensschilder direkt an diese CUPS-Warteschlange statt an den Drucker oben.</translation>
    </message>
    <message>
        <source>Sync with pretix every</source>
        <translation>Mit pretix abgleichen alle</translation>
    </message>
    <message>
        <source>How often a connected desk uploads its check-ins and downloads changes.</source>
        <translation>Wie oft ein verbundener Schalter seine Check-ins hochlädt und Änderungen herunterlädt.</translation>
    </message>
    <message>
        <source>Online check-in timeout</source>
        <translation>Wartezeit für Online-Check-in</translation>
    </message>
    <message>
        <source>How long a scan waits for pretix before the desk decides offline.</source>
        <translation>So lange wartet ein Scan auf pretix, bevor der Schalter offline entscheidet.</translation>
    </message>
    <message>
        <source>Slow answer</source>
        <translation>Langsame Antwort</translation>
    </message>
    <message>
        <source>Slower answers from pretix switch the desk to offline decisions.</source>
        <translation>Langsamere Antworten von pretix schalten den Schalter auf Offline-Entscheidungen um.</translation>
    </message>
    <message>
        <source>Try online again after</source>
        <translation>Erneut online versuchen nach</translation>
    </message>
    <message>
        <source>After going offline, the desk asks pretix again after this long.</source>
        <translation>Nach dem Wechsel zu offline fragt der Schalter pretix nach dieser Zeit erneut.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>“As the system” follows the computer&apos;s language.</source>
        <translation>„Wie das System“ folgt der Sprache des Computers.</translation>
    </message>
    <message>
        <source>Font scale</source>
        <translation>Schriftgröße</translation>
    </message>
    <message>
        <source>Enlarges all text of the desk window.</source>
        <translation>Vergrößert alle Texte des Schalterfensters.</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>Hoher Kontrast</translation>
    </message>
    <message>
        <source>Black on white with strong colours, for bright halls and weak eyes.</source>
        <translation>Schwarz auf Weiß mit kräftigen Farben, für helle Hallen und schwache Augen.</translation>
    </message>
    <message>
        <source>Only once the code was out of view this long: a ticket held up is one scan.</source>
        <translation>Erst wenn der Code so lange nicht im Bild war: ein hochgehaltenes Ticket ist ein Scan.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Check scanner…</source>
        <translation>Scanner prüfen…</translation>
    </message>
    <message>
        <source>built-in</source>
        <translation>mitgeliefert</translation>
    </message>
    <message>
        <source>yours</source>
        <translation>Ihres</translation>
    </message>
</context>
<context>
    <name>StartNotice</name>
    <message>
        <source>Check-in Desk: connecting to the venue database …</source>
        <translation>Check-in Desk: Verbindung zur Veranstaltungsdatenbank …</translation>
    </message>
</context>
<context>
    <name>StockPreview</name>
    <message>
        <source>Badge stock preview</source>
        <translation>Vorschau des Materials</translation>
    </message>
    <message>
        <source>{0} × {1} mm</source>
        <translation>{0} × {1} mm</translation>
    </message>
    <message>
        <source>{0}, front and back on one A4 page, folded</source>
        <translation>{0}, Vorder- und Rückseite auf einer A4-Seite, gefaltet</translation>
    </message>
    <message>
        <source>{0}, {1} badges per {2} × {3} mm sheet</source>
        <translation>{0}, {1} Namensschilder je Bogen {2} × {3} mm</translation>
    </message>
    <message>
        <source>{0}, cut from a continuous roll</source>
        <translation>{0}, von einer Endlosrolle geschnitten</translation>
    </message>
    <message>
        <source>{0}, one badge per label</source>
        <translation>{0}, ein Namensschild je Etikett</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>New guests</source>
        <translation>Neue Gäste</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Unverändert</translation>
    </message>
    <message>
        <source>No longer in the file (kept)</source>
        <translation>Nicht mehr in der Datei (bleiben erhalten)</translation>
    </message>
    <message>
        <source>Warnings shown before the import</source>
        <translation>Warnungen vor dem Import</translation>
    </message>
    <message>
        <source>Cancelled in the file (refused at the desk)</source>
        <translation>In der Datei storniert (am Einlass abgewiesen)</translation>
    </message>
    <message>
        <source>Unpaid in the file (refused unless the list admits them)</source>
        <translation>In der Datei unbezahlt (abgewiesen, außer die Liste lässt sie zu)</translation>
    </message>
    <message>
        <source>New ticket types: {0}</source>
        <translation>Neue Ticketarten: {0}</translation>
    </message>
    <message>
        <source>Imported into &quot;{0}&quot;.</source>
        <translation>Importiert in „{0}“.</translation>
    </message>
</context>
<context>
    <name>SyncWorker</name>
    <message>
        <source>Syncing…</source>
        <extracomment>A sync uploads check-ins (their upload state) and pulls guests, lists and ticket types. A sync stuck on the network is not waited for longer when the desk closes.</extracomment>
        <translation>Synchronisiere …</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>keine Antwort</translation>
    </message>
</context>
<context>
    <name>TicketTypeColours</name>
    <message>
        <source>Colour for this type…</source>
        <translation>Farbe für diese Ticketart…</translation>
    </message>
    <message>
        <source>Use the band colour</source>
        <translation>Bandfarbe verwenden</translation>
    </message>
    <message>
        <source>{0} (band colour)</source>
        <translation>{0} (Bandfarbe)</translation>
    </message>
    <message>
        <source>Band colour for {0}</source>
        <translation>Bandfarbe für {0}</translation>
    </message>
</context>
<context>
    <name>TypesPage</name>
    <message>
        <source>In the file</source>
        <extracomment>A mapping table shows at least this many rows without scrolling (if it has them). A status choice changed: the dialog looks again whether every word has one.</extracomment>
        <translation>In der Datei</translation>
    </message>
    <message>
        <source>Guests</source>
        <translation>Gäste</translation>
    </message>
    <message>
        <source>Ticket type</source>
        <translation>Ticketart</translation>
    </message>
    <message>
        <source>Status at the desk</source>
        <translation>Status am Einlass</translation>
    </message>
    <message>
        <source>The file&apos;s status column holds {0} different values. Choose what each means at the desk: cancelled guests are refused, unpaid ones too unless the check-in list admits them. Your choice is remembered for the next file with these columns.</source>
        <translation>Die Statusspalte der Datei enthält {0} verschiedene Werte. Wählen Sie, was jeder am Einlass bedeutet: Stornierte Gäste werden abgewiesen, unbezahlte ebenfalls, sofern die Check-in-Liste sie nicht zulässt. Ihre Wahl wird für die nächste Datei mit diesen Spalten gespeichert.</translation>
    </message>
    <message>
        <source>The file names {0} ticket types. Choose the event&apos;s ticket type for each; &quot;Create new type&quot; adds it to the event ({1} would be new). Your choice is remembered for the next file with these columns.</source>
        <translation>Die Datei nennt {0} Ticketarten. Wählen Sie für jede die Ticketart der Veranstaltung; „Neue Ticketart anlegen“ fügt sie der Veranstaltung hinzu ({1} wären neu). Ihre Wahl wird für die nächste Datei mit diesen Spalten gemerkt.</translation>
    </message>
    <message>
        <source>Ticket type for {0}</source>
        <translation>Ticketart für {0}</translation>
    </message>
    <message>
        <source>Create new type &quot;{0}&quot;</source>
        <translation>Neue Ticketart „{0}“ anlegen</translation>
    </message>
    <message>
        <source>Status for {0}</source>
        <translation>Status für {0}</translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation>— bitte wählen —</translation>
    </message>
    <message>
        <source>Valid: admitted</source>
        <translation>Gültig: wird eingelassen</translation>
    </message>
    <message>
        <source>Unpaid: refused unless the list admits it</source>
        <translation>Unbezahlt: abgewiesen, außer die Liste lässt es zu</translation>
    </message>
    <message>
        <source>Cancelled: refused</source>
        <translation>Storniert: wird abgewiesen</translation>
    </message>
</context>
<context>
    <name>VenueBanner</name>
    <message>
        <source>Venue database offline: {0} waiting</source>
        <translation>Veranstaltungsdatenbank offline: {0} warten</translation>
    </message>
    <message>
        <source>The venue database does not answer (since {0}).</source>
        <translation>Die Veranstaltungsdatenbank antwortet nicht (seit {0}).</translation>
    </message>
    <message>
        <source>This desk goes on with its own copy: keep scanning. Check-ins waiting to be merged when the database answers again: {0}.</source>
        <translation>Dieser Schalter arbeitet mit seiner eigenen Kopie weiter: einfach weiter scannen. Check-ins, die zusammengeführt werden, sobald die Datenbank wieder antwortet: {0}.</translation>
    </message>
    <message>
        <source>Walk-ins and undo need the venue database; search works on the copy.</source>
        <translation>Spontangäste und Rückgängig brauchen die Veranstaltungsdatenbank; die Suche arbeitet mit der Kopie.</translation>
    </message>
    <message>
        <source>The venue database answers again. Check-ins from this desk merged: {0}.</source>
        <translation>Die Veranstaltungsdatenbank antwortet wieder. Zusammengeführte Check-ins dieses Schalters: {0}.</translation>
    </message>
    <message>
        <source>Admitted at two desks meanwhile ({0}): {1}. Both admissions are kept; the organiser lists them with &apos;checkin conflicts&apos;.</source>
        <translation>Inzwischen an zwei Schaltern eingelassen ({0}): {1}. Beide Einlässe bleiben erhalten; die Organisation listet sie mit „checkin conflicts“.</translation>
    </message>
</context>
<context>
    <name>WalkInDialog</name>
    <message>
        <source>Walk-in guest</source>
        <translation>Spontangast</translation>
    </message>
    <message>
        <source>(no ticket type)</source>
        <translation>(keine Ticketart)</translation>
    </message>
    <message>
        <source>&amp;Given name:</source>
        <translation>&amp;Vorname:</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>Vorname</translation>
    </message>
    <message>
        <source>&amp;Family name:</source>
        <translation>&amp;Nachname:</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>Nachname</translation>
    </message>
    <message>
        <source>&amp;Company:</source>
        <translation>&amp;Firma:</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Firma</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>&amp;E-Mail:</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>&amp;Ticket type:</source>
        <translation>&amp;Ticketart:</translation>
    </message>
    <message>
        <source>Ticket type</source>
        <translation>Ticketart</translation>
    </message>
    <message>
        <source>Register and check &amp;in</source>
        <translation>Anmelden und &amp;einchecken</translation>
    </message>
    <message>
        <source>A walk-in needs a name.</source>
        <translation>Ein Spontangast braucht einen Namen.</translation>
    </message>
    <message>
        <source>This e-mail address has no @.</source>
        <translation>Diese E-Mail-Adresse hat kein @.</translation>
    </message>
</context>
<context>
    <name>WarningsPage</name>
    <message>
        <source>Repair the encoding (Ã¼ → ü)</source>
        <translation>Zeichenkodierung reparieren (Ã¼ → ü)</translation>
    </message>
    <message>
        <source>Guests in the file: {0}.</source>
        <translation>Gäste in der Datei: {0}.</translation>
    </message>
    <message>
        <source>No suspicious values found.</source>
        <translation>Keine verdächtigen Werte gefunden.</translation>
    </message>
    <message>
        <source>Please check these values before importing:</source>
        <translation>Bitte prüfen Sie diese Werte vor dem Import:</translation>
    </message>
    <message>
        <source>Names garbled by a wrong encoding (&quot;MÃ¼ller&quot; for &quot;Müller&quot;): {0}</source>
        <translation>Namen mit falscher Zeichenkodierung („MÃ¼ller“ statt „Müller“): {0}</translation>
    </message>
    <message>
        <source>Names with &quot;?&quot; (letters were lost before the file was saved): {0}</source>
        <translation>Namen mit „?“ (Buchstaben gingen verloren, bevor die Datei gespeichert wurde): {0}</translation>
    </message>
    <message>
        <source>Rows without a name (the import stops at them: fix the file): {0}</source>
        <translation>Zeilen ohne Namen (der Import stoppt an ihnen: bitte die Datei korrigieren): {0}</translation>
    </message>
    <message>
        <source>E-mail addresses of an earlier row (without an ID column the import stops at them): {0}</source>
        <translation>E-Mail-Adressen einer früheren Zeile (ohne ID-Spalte stoppt der Import an ihnen): {0}</translation>
    </message>
    <message>
        <source>Line {0}</source>
        <translation>Zeile {0}</translation>
    </message>
</context>
</TS>
