<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AgentWorker</name>
    <message>
        <source>The agent is stopping.</source>
        <translation>Der Agent wird beendet.</translation>
    </message>
    <message>
        <source>Enforcing the changed store failed: %1</source>
        <translation>Das Durchsetzen des geänderten Speichers ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Store changed: %1</source>
        <translation>Speicher geändert: %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Domain policy: %1</source>
        <translation>Domänenrichtlinie: %1</translation>
    </message>
    <message>
        <source>Domain policy: %1 %2</source>
        <translation>Domänenrichtlinie: %1 %2</translation>
    </message>
</context>
<context>
    <name>Authorizer</name>
    <message>
        <source>Not authorized to %1: %2</source>
        <translation>Keine Berechtigung für &quot;%1&quot;: %2</translation>
    </message>
    <message>
        <source>the caller&apos;s user could not be determined.</source>
        <translation>der Benutzer des Aufrufers konnte nicht ermittelt werden.</translation>
    </message>
    <message>
        <source>user %1 (uid %2)</source>
        <translation>Benutzer %1 (UID %2)</translation>
    </message>
    <message>
        <source>only root may make changes, because the admin group &quot;%1&quot; does not exist.</source>
        <translation>nur root darf Änderungen vornehmen, weil die Administratorgruppe &quot;%1&quot; nicht existiert.</translation>
    </message>
    <message>
        <source>the groups of %1 could not be read from the system.</source>
        <translation>die Gruppen von %1 konnten nicht vom System gelesen werden.</translation>
    </message>
    <message>
        <source>%1 is neither root nor a member of the admin group &quot;%2&quot;.</source>
        <translation>%1 ist weder root noch Mitglied der Administratorgruppe &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>polkit could not be asked (%1).</source>
        <translation>polkit konnte nicht befragt werden (%1).</translation>
    </message>
    <message>
        <source>polkit refused action %1.</source>
        <translation>polkit hat die Aktion %1 abgelehnt.</translation>
    </message>
    <message>
        <source>%1 is owned by %2, uid %3, not by root: polkit is not asked.</source>
        <translation>%1 gehört %2 (UID %3), nicht root: polkit wird nicht befragt.</translation>
    </message>
</context>
<context>
    <name>BatchTool</name>
    <message>
        <source>%1 line %2: %3</source>
        <translation>%1 Zeile %2: %3</translation>
    </message>
    <message>
        <source>%1 line %2: note: %3</source>
        <translation>%1 Zeile %2: Hinweis: %3</translation>
    </message>
    <message>
        <source>ipseccmd: --confirm-within with a batch file needs --atomic (one change to confirm, not one per line).</source>
        <translation>ipseccmd: --confirm-within mit einer Batchdatei erfordert --atomic (eine Änderung zu bestätigen, nicht eine pro Zeile).</translation>
    </message>
    <message>
        <source>ipseccmd: cannot read the batch file %1: %2</source>
        <translation>ipseccmd: Die Batchdatei %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>note: %1</source>
        <translation>Hinweis: %1</translation>
    </message>
    <message>
        <source>a pipe (|) is not run here; the line is skipped.</source>
        <translation>Eine Pipe (|) wird hier nicht ausgeführt; die Zeile wird übersprungen.</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n command(s) run, none failed.</source>
        <translation>
            <numerusform>%1: %n Befehl ausgeführt, keiner fehlgeschlagen.</numerusform>
            <numerusform>%1: %n Befehle ausgeführt, keiner fehlgeschlagen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n command(s) run; failed at line(s) %2.</source>
        <translation>
            <numerusform>%1: %n Befehl ausgeführt; fehlgeschlagen in Zeile(n) %2.</numerusform>
            <numerusform>%1: %n Befehle ausgeführt; fehlgeschlagen in Zeile(n) %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>nothing to run.</source>
        <translation>Nichts auszuführen.</translation>
    </message>
    <message>
        <source>%1 is not run here: batch control flow (goto, call, for, if) is not supported, so this line is skipped; write the commands out one per line.</source>
        <translation>%1 wird hier nicht ausgeführt: Batch-Ablaufsteuerung (goto, call, for, if) wird nicht unterstützt, daher wird diese Zeile übersprungen; schreiben Sie die Befehle einzeln aus, einen pro Zeile.</translation>
    </message>
    <message>
        <source>waits are skipped (%1).</source>
        <translation>Wartevorgänge werden übersprungen (%1).</translation>
    </message>
    <message>
        <source>gpupdate: the local policy is in force as stored; for a domain policy run &apos;ipseccmd refresh&apos;. Skipped.</source>
        <translation>gpupdate: Die lokale Richtlinie ist so wirksam, wie sie gespeichert ist; für eine Domänenrichtlinie führen Sie &apos;ipseccmd refresh&apos; aus. Übersprungen.</translation>
    </message>
    <message>
        <source>%1 %2 %3: only the IPsec Policy Agent (PolicyAgent) has a meaning here; skipped.</source>
        <translation>%1 %2 %3: Nur der IPsec-Richtlinienagent (PolicyAgent) hat hier eine Bedeutung; übersprungen.</translation>
    </message>
    <message>
        <source>%1 line %2: %3 start %4: the assigned policy is enforced (again).</source>
        <translation>%1 Zeile %2: %3 start %4: Die zugewiesene Richtlinie wird (erneut) durchgesetzt.</translation>
    </message>
    <message>
        <source>%1 stop %2: stopping the IPsec Policy Agent would lift the IPsec policy; here the policy stays in force (lift it with &apos;ipseccmd emergency-unassign&apos;). Skipped.</source>
        <translation>%1 stop %2: Das Beenden des IPsec-Richtlinienagenten würde die IPsec-Richtlinie aufheben; hier bleibt die Richtlinie wirksam (heben Sie sie mit &apos;ipseccmd emergency-unassign&apos; auf). Übersprungen.</translation>
    </message>
    <message>
        <source>%1 %2 %3: the policy agent here is the systemd service ipsec-policyd (&apos;systemctl enable --now ipsec-policyd&apos;); skipped.</source>
        <translation>%1 %2 %3: Der Richtlinienagent ist hier der systemd-Dienst ipsec-policyd (&apos;systemctl enable --now ipsec-policyd&apos;); übersprungen.</translation>
    </message>
    <message>
        <source>a batch file cannot run another one here; run it on its own.</source>
        <translation>Eine Batchdatei kann hier keine andere ausführen; führen Sie diese für sich aus.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not run here: the batch runner runs netsh, ipsecpol, ipseccmd and netdiag lines and the batch basics (echo, rem, set, chcp, exit, labels); the line is skipped.</source>
        <translation>&quot;%1&quot; wird hier nicht ausgeführt: Der Batch-Ausführer führt netsh-, ipsecpol-, ipseccmd- und netdiag-Zeilen sowie die Batch-Grundlagen aus (echo, rem, set, chcp, exit, Sprungmarken); die Zeile wird übersprungen.</translation>
    </message>
    <message>
        <source>--atomic takes one netsh command per line; nothing was changed.</source>
        <translation>--atomic erwartet einen netsh-Befehl pro Zeile; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>--atomic applies the netsh lines of a batch file as one transaction; an %1 line is a change of its own. Run the file without --atomic, or write the line as netsh. Nothing was changed.</source>
        <translation>--atomic wendet die netsh-Zeilen einer Batchdatei als eine einzige Transaktion an; eine %1-Zeile ist eine eigene Änderung. Führen Sie die Datei ohne --atomic aus, oder schreiben Sie die Zeile als netsh. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>--atomic: nothing was changed.</source>
        <translation>--atomic: Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>usage: ipseccmd batch [--atomic] [--encoding NAME] [--store PATH] [--netns NAME] FILE [ARGUMENTS...]
Runs a Windows batch file as cmd.exe does: netsh, ipsecpol, ipseccmd and netdiag lines, each on its own. Variables (%NAME%, %NAME:old=new%, %NAME:~start,length%), set /a and output redirection (&gt; &gt;&gt; 2&gt; 2&gt;&amp;1 &gt;nul) work as in cmd.exe; goto, call, for and if are refused line by line. See the README, &quot;Windows batch files&quot;.
</source>
        <translation>usage: ipseccmd batch [--atomic] [--encoding NAME] [--store PATH] [--netns NAME] FILE [ARGUMENTS...]
Führt eine Windows-Batchdatei so aus wie cmd.exe: netsh-, ipsecpol-, ipseccmd- und netdiag-Zeilen, jede für sich. Variablen (%NAME%, %NAME:old=new%, %NAME:~start,length%), set /a und Ausgabeumleitung (&gt; &gt;&gt; 2&gt; 2&gt;&amp;1 &gt;nul) funktionieren wie in cmd.exe; goto, call, for und if werden zeilenweise abgelehnt. Siehe README, „Windows batch files“.
</translation>
    </message>
    <message>
        <source>%1 is a Windows path; give a path of this system for the output. The command was not run (as cmd.exe does not run a command whose output file it cannot open).</source>
        <translation>%1 ist ein Windows-Pfad; geben Sie für die Ausgabe einen Pfad dieses Systems an. Der Befehl wurde nicht ausgeführt (so wie cmd.exe keinen Befehl ausführt, dessen Ausgabedatei es nicht öffnen kann).</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>set /a %1: %2</source>
        <translation>set /a %1: %2</translation>
    </message>
    <message>
        <source>set /p asks the user for a value; a batch file run here gets no answers, so the line is skipped.</source>
        <translation>set /p fragt den Benutzer nach einem Wert; eine hier ausgeführte Batchdatei erhält keine Antworten, daher wird die Zeile übersprungen.</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>%1 needs a value.</source>
        <translation>%1 benötigt einen Wert.</translation>
    </message>
    <message>
        <source>%1 needs a non-empty value.</source>
        <translation>%1 benötigt einen nicht leeren Wert.</translation>
    </message>
    <message>
        <source>Try &apos;%1 --help&apos; for more information.</source>
        <translation>&quot;%1 --help&quot; liefert weitere Informationen.</translation>
    </message>
    <message>
        <source>--confirm-within needs a number of seconds from 1 to 86400 (one day), not &quot;%1&quot;.</source>
        <translation>--confirm-within benötigt eine Anzahl Sekunden von 1 bis 86400 (ein Tag), nicht &quot;%1&quot;.</translation>
    </message>
    <message numerus="yes">
        <source>Keep these changes? Confirm with &apos;%1 confirm&apos; within %n s; otherwise the policy agent rolls them back.</source>
        <translation>
            <numerusform>Diese Änderungen behalten? Bestätigen Sie innerhalb von %n s mit &apos;%1 confirm&apos;; andernfalls macht der Richtlinien-Agent sie rückgängig.</numerusform>
            <numerusform>Diese Änderungen behalten? Bestätigen Sie innerhalb von %n s mit &apos;%1 confirm&apos;; andernfalls macht der Richtlinien-Agent sie rückgängig.</numerusform>
        </translation>
    </message>
    <message>
        <source>--backend needs nft or xfrm, not &quot;%1&quot;.</source>
        <translation>--backend erwartet nft oder xfrm, nicht &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Unknown option &quot;%1&quot;. Options: --store PATH, --netns NAME, --vici PATH, --directory URL, --computer NAME, --bind-dn DN, --bind-password-file FILE, --json, --dry-run, --[no-]ike-exemption, --backend nft|xfrm, --[no-]agent, --confirm-within SECONDS, --force, --atomic, --encoding NAME, --help, --version.</source>
        <translation>Unbekannte Option &quot;%1&quot;. Optionen: --store PATH, --netns NAME, --vici PATH, --directory URL, --computer NAME, --bind-dn DN, --bind-password-file FILE, --json, --dry-run, --[no-]ike-exemption, --backend nft|xfrm, --[no-]agent, --confirm-within SECONDS, --force, --atomic, --encoding NAME, --help, --version.</translation>
    </message>
</context>
<context>
    <name>ConfirmationRecord</name>
    <message>
        <source>No change is waiting for confirmation in this network namespace.</source>
        <translation>In diesem Netzwerk-Namespace wartet keine Änderung auf Bestätigung.</translation>
    </message>
    <message>
        <source>Cannot signal the waiting ipseccmd (process %1).</source>
        <translation>Dem wartenden ipseccmd (Prozess %1) kann kein Signal gesendet werden.</translation>
    </message>
    <message>
        <source>Too late: %1</source>
        <translation>Zu spät: %1</translation>
    </message>
    <message>
        <source>The waiting ipseccmd (process %1) ended without an answer.</source>
        <translation>Das wartende ipseccmd (Prozess %1) wurde ohne Antwort beendet.</translation>
    </message>
    <message>
        <source>The waiting ipseccmd (process %1) did not answer in time.</source>
        <translation>Das wartende ipseccmd (Prozess %1) hat nicht rechtzeitig geantwortet.</translation>
    </message>
</context>
<context>
    <name>ConfirmationWait</name>
    <message>
        <source>Cannot wait for confirmation; rolling back now.</source>
        <translation>Warten auf Bestätigung nicht möglich; die Änderungen werden jetzt rückgängig gemacht.</translation>
    </message>
    <message>
        <source>note: %1</source>
        <translation>Hinweis: %1</translation>
    </message>
    <message numerus="yes">
        <source>Keep these changes? Type yes within %n s, or run &apos;%1&apos; from another shell; otherwise they are rolled back.</source>
        <translation>
            <numerusform>Diese Änderungen behalten? Geben Sie innerhalb von %n s ja ein oder führen Sie &apos;%1&apos; in einer anderen Shell aus; andernfalls werden sie rückgängig gemacht.</numerusform>
            <numerusform>Diese Änderungen behalten? Geben Sie innerhalb von %n s ja ein oder führen Sie &apos;%1&apos; in einer anderen Shell aus; andernfalls werden sie rückgängig gemacht.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Keep these changes? Run &apos;%1&apos; within %n s; otherwise they are rolled back.</source>
        <translation>
            <numerusform>Diese Änderungen behalten? Führen Sie innerhalb von %n s &apos;%1&apos; aus; andernfalls werden sie rückgängig gemacht.</numerusform>
            <numerusform>Diese Änderungen behalten? Führen Sie innerhalb von %n s &apos;%1&apos; aus; andernfalls werden sie rückgängig gemacht.</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopped: rolling the changes back now.</source>
        <translation>Abgebrochen: Die Änderungen werden jetzt rückgängig gemacht.</translation>
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
        <source>Type yes to keep the changes, or no to roll them back now.</source>
        <translation>Geben Sie ja ein, um die Änderungen zu behalten, oder nein, um sie jetzt rückgängig zu machen.</translation>
    </message>
    <message numerus="yes">
        <source>Rolled back in %n s unless confirmed.</source>
        <translation>
            <numerusform>Wird in %n s rückgängig gemacht, sofern nicht bestätigt.</numerusform>
            <numerusform>Wird in %n s rückgängig gemacht, sofern nicht bestätigt.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConsoleHelp</name>
    <message>
        <source>the IPsec Policy Console, a desktop console for the host&apos;s IPsec policy</source>
        <translation>die IPsec Policy Console, eine Desktop-Konsole für die IPsec-Richtlinie des Hosts</translation>
    </message>
    <message>
        <source>Shows and edits the host&apos;s IPsec filtering policy the way the Windows IP Security Policies snap-in did: a tree of policies, rules, filter lists, filter actions and filters beside tables of them, with a search box, properties dialogs, undo and redo, a Block a Port wizard that shows the equivalent ipseccmd command line, a monitor of what the kernel enforces and a packet tester.</source>
        <translation>Zeigt und bearbeitet die IPsec-Filterrichtlinie des Hosts so wie das Windows-Snap-In IP-Sicherheitsrichtlinien: ein Baum aus Richtlinien, Regeln, Filterlisten, Filteraktionen und Filtern neben Tabellen davon, mit einem Suchfeld, Eigenschaftendialogen, Rückgängig und Wiederholen, einem Assistenten zum Blockieren eines Ports, der die entsprechende ipseccmd-Befehlszeile anzeigt, einer Überwachung dessen, was der Kernel durchsetzt, und einem Pakettester.</translation>
    </message>
    <message>
        <source>The Emergency Unassign button (Ctrl+Shift+E) removes every kernel entry of this tool at once. When the policy agent ipsec-policyd runs, the console works through it and needs no root; otherwise it edits your own store and says that changes are not enforced.</source>
        <translation>Die Schaltfläche Notfall-Aufhebung (Strg+Umschalt+E) entfernt alle Kernel-Einträge dieses Tools auf einmal. Wenn der Richtlinienagent ipsec-policyd läuft, arbeitet die Konsole über ihn und benötigt kein root; andernfalls bearbeitet sie Ihren eigenen Speicher und weist darauf hin, dass Änderungen nicht durchgesetzt werden.</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Optionen</translation>
    </message>
    <message>
        <source>use the static policy store at PATH</source>
        <translation>den statischen Richtlinienspeicher unter PATH verwenden</translation>
    </message>
    <message>
        <source>work in network namespace NAME</source>
        <translation>im Netzwerk-Namespace NAME arbeiten</translation>
    </message>
    <message>
        <source>work only through the policy agent ipsec-policyd</source>
        <translation>nur über den Richtlinienagenten ipsec-policyd arbeiten</translation>
    </message>
    <message>
        <source>never use the policy agent; work in this process</source>
        <translation>den Richtlinienagenten nie verwenden; in diesem Prozess arbeiten</translation>
    </message>
    <message>
        <source>save a picture of the main window to PATH and quit</source>
        <translation>ein Bild des Hauptfensters unter PATH speichern und beenden</translation>
    </message>
    <message>
        <source>with --screenshot: also picture the Block a Port wizard</source>
        <translation>mit --screenshot: auch den Assistenten zum Blockieren eines Ports abbilden</translation>
    </message>
    <message>
        <source>print this help and exit</source>
        <translation>diese Hilfe ausgeben und beenden</translation>
    </message>
    <message>
        <source>print the version and exit</source>
        <translation>die Version ausgeben und beenden</translation>
    </message>
    <message>
        <source>Open the console on a scratch store, without the agent:</source>
        <translation>Die Konsole mit einem Testspeicher öffnen, ohne den Agenten:</translation>
    </message>
    <message>
        <source>Make the pictures of the README (also on the offscreen platform):</source>
        <translation>Die Bilder der README erstellen (auch auf der Offscreen-Plattform):</translation>
    </message>
    <message>
        <source>the static store, as --store</source>
        <translation>der statische Speicher, wie --store</translation>
    </message>
    <message>
        <source>the network namespace, as --netns</source>
        <translation>der Netzwerk-Namespace, wie --netns</translation>
    </message>
    <message>
        <source>your own static store</source>
        <translation>Ihr eigener statischer Speicher</translation>
    </message>
    <message>
        <source>the store of root and of the policy agent</source>
        <translation>der Speicher von root und des Richtlinienagenten</translation>
    </message>
    <message>
        <source>Domain policy</source>
        <translation>Domänenrichtlinie</translation>
    </message>
</context>
<context>
    <name>DirectoryClient</name>
    <message>
        <source>&quot;%1&quot; is not a domain name (like corp.example.com).</source>
        <translation>&quot;%1&quot; ist kein Domänenname (wie corp.example.com).</translation>
    </message>
    <message>
        <source>No directory to work on: %1</source>
        <translation>Kein Verzeichnis zum Bearbeiten: %1</translation>
    </message>
    <message>
        <source>Nothing was read or changed.</source>
        <translation>Es wurde nichts gelesen oder geändert.</translation>
    </message>
</context>
<context>
    <name>DirectoryHelp</name>
    <message>
        <source>the Active Directory domain controller the domain&apos;s IPsec policy is read from, ldap://HOST[:PORT] or ldaps://HOST (default: found from the domain membership, the DNS SRV records _ldap._tcp.dc._msdcs.REALM)</source>
        <translation>der Active Directory-Domänencontroller, aus dem die IPsec-Richtlinie der Domäne gelesen wird, ldap://HOST[:PORT] oder ldaps://HOST (Standard: ermittelt aus der Domänenmitgliedschaft, den DNS-SRV-Einträgen _ldap._tcp.dc._msdcs.REALM)</translation>
    </message>
    <message>
        <source>this member&apos;s computer account in the domain (default: the host name)</source>
        <translation>das Computerkonto dieses Mitglieds in der Domäne (Standard: der Hostname)</translation>
    </message>
    <message>
        <source>bind to the directory as DN (simple bind); needs --bind-password-file</source>
        <translation>als DN an das Verzeichnis binden (einfache Bindung); erfordert --bind-password-file</translation>
    </message>
    <message>
        <source>the password of --bind-dn: a file of root or of the caller that only its owner may read (chmod 600); any other file is refused</source>
        <translation>das Kennwort für --bind-dn: eine Datei von root oder des Aufrufers, die nur ihr Besitzer lesen darf (chmod 600); jede andere Datei wird abgelehnt</translation>
    </message>
    <message>
        <source>managing the directory (-w DS, netsh set store location=domain, the console&apos;s Active Directory window): the Group Policy object a policy is assigned in, by display name, {GUID} or DN (default: the Default Domain Policy)</source>
        <translation>beim Verwalten des Verzeichnisses (-w DS, netsh set store location=domain, das Active Directory-Fenster der Konsole): das Gruppenrichtlinienobjekt, in dem eine Richtlinie zugewiesen wird, nach Anzeigename, {GUID} oder DN (Standard: die Default Domain Policy)</translation>
    </message>
    <message>
        <source>the domain controller, as --directory</source>
        <translation>der Domänencontroller, wie --directory</translation>
    </message>
    <message>
        <source>the computer account, as --computer</source>
        <translation>das Computerkonto, wie --computer</translation>
    </message>
    <message>
        <source>the bind DN, as --bind-dn</source>
        <translation>der Bind-DN, wie --bind-dn</translation>
    </message>
    <message>
        <source>the bind password file, as --bind-password-file</source>
        <translation>die Bind-Kennwortdatei, wie --bind-password-file</translation>
    </message>
    <message>
        <source>the GPO policies are assigned in, as --gpo</source>
        <translation>das GPO, in dem Richtlinien zugewiesen werden, wie --gpo</translation>
    </message>
</context>
<context>
    <name>EnforcementWatch</name>
    <message>
        <source>Addresses or routes changed (%1)</source>
        <translation>Adressen oder Routen geändert (%1)</translation>
    </message>
    <message>
        <source>The kernel&apos;s IPsec policy changed (%1)</source>
        <translation>Die IPsec-Richtlinie des Kernels wurde geändert (%1)</translation>
    </message>
    <message>
        <source>Address changes are not followed: %1</source>
        <translation>Adressänderungen werden nicht verfolgt: %1</translation>
    </message>
    <message>
        <source>Changes of the kernel&apos;s IPsec policy by other programs are not repaired: %1</source>
        <translation>Änderungen der IPsec-Richtlinie des Kernels durch andere Programme werden nicht repariert: %1</translation>
    </message>
    <message>
        <source>Servers of this computer changed (%1)</source>
        <translation>Server dieses Computers haben sich geändert (%1)</translation>
    </message>
    <message>
        <source>The nftables table changed (%1)</source>
        <translation>Die nftables-Tabelle wurde geändert (%1)</translation>
    </message>
    <message>
        <source>Changes of the nftables table by other programs are not repaired: %1</source>
        <translation>Änderungen an der nftables-Tabelle durch andere Programme werden nicht repariert: %1</translation>
    </message>
</context>
<context>
    <name>HelpPage</name>
    <message>
        <source>Usage:</source>
        <translation>Aufruf:</translation>
    </message>
    <message>
        <source>Examples:</source>
        <translation>Beispiele:</translation>
    </message>
    <message>
        <source>Exit status:</source>
        <translation>Exit-Status:</translation>
    </message>
    <message>
        <source>Environment:</source>
        <translation>Umgebung:</translation>
    </message>
    <message>
        <source>Files:</source>
        <translation>Dateien:</translation>
    </message>
    <message>
        <source>See also:</source>
        <translation>Siehe auch:</translation>
    </message>
    <message>
        <source>Examples</source>
        <translation>Beispiele</translation>
    </message>
    <message>
        <source>Exit status</source>
        <translation>Exit-Status</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Umgebung</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Dateien</translation>
    </message>
    <message>
        <source>See also</source>
        <translation>Siehe auch</translation>
    </message>
</context>
<context>
    <name>IpsecCmdTool</name>
    <message>
        <source>Try &apos;%1 --help&apos; for more information.</source>
        <translation>&quot;%1 --help&quot; liefert weitere Informationen.</translation>
    </message>
    <message>
        <source>note: %1</source>
        <translation>Hinweis: %1</translation>
    </message>
    <message>
        <source>Policies</source>
        <translation>Richtlinien</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>Authentication methods</source>
        <translation>Authentifizierungsmethoden</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>Statistik</translation>
    </message>
    <message>
        <source>Security associations</source>
        <translation>Sicherheitszuordnungen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Policy Assigned</source>
        <translation>Richtlinie zugewiesen</translation>
    </message>
    <message>
        <source>Last Modified</source>
        <translation>Zuletzt geändert</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Regeln</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>No policy is assigned.</source>
        <translation>Es ist keine Richtlinie zugewiesen.</translation>
    </message>
    <message>
        <source>Assigned policy: %1</source>
        <translation>Zugewiesene Richtlinie: %1</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Src Port</source>
        <translation>Quellport</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Dst Port</source>
        <translation>Zielport</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Mirrored</source>
        <translation>Gespiegelt</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>any</source>
        <translation>beliebig</translation>
    </message>
    <message>
        <source>The assigned policy has no active filters.</source>
        <translation>Die zugewiesene Richtlinie hat keine aktiven Filter.</translation>
    </message>
    <message>
        <source>%1 takes no arguments.</source>
        <translation>%1 akzeptiert keine Argumente.</translation>
    </message>
    <message>
        <source>Dynamic filters (until reboot or ipseccmd -u):</source>
        <translation>Dynamische Filter (bis zum Neustart oder ipseccmd -u):</translation>
    </message>
    <message>
        <source>Spec</source>
        <translation>Angabe</translation>
    </message>
    <message>
        <source>Kernel: not shown (reading the kernel&apos;s IPsec policy needs root).</source>
        <translation>Kernel: nicht angezeigt (das Lesen der IPsec-Richtlinie des Kernels erfordert root).</translation>
    </message>
    <message>
        <source>Kernel: %1</source>
        <translation>Kernel: %1</translation>
    </message>
    <message>
        <source>Kernel: %1 entries of this tool, %2 of other tools; %3.</source>
        <translation>Kernel: %1 Einträge dieses Tools, %2 anderer Tools; %3.</translation>
    </message>
    <message>
        <source>in sync with the policy</source>
        <translation>synchron mit der Richtlinie</translation>
    </message>
    <message>
        <source>NOT in sync: %1 missing, %2 unexpected</source>
        <translation>NICHT synchron: %1 fehlend, %2 unerwartet</translation>
    </message>
    <message>
        <source>The kernel keeps no IPsec statistics (CONFIG_XFRM_STATISTICS is off).</source>
        <translation>Der Kernel führt keine IPsec-Statistik (CONFIG_XFRM_STATISTICS ist deaktiviert).</translation>
    </message>
    <message>
        <source>Counter</source>
        <translation>Zähler</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>names takes one of: policies, filterlists, filteractions, rules.</source>
        <translation>names erwartet eines von: policies, filterlists, filteractions, rules.</translation>
    </message>
    <message>
        <source>Policy source: %1</source>
        <translation>Richtlinienquelle: %1</translation>
    </message>
    <message>
        <source>Kernel: nftables table inet ipsec_console with %1 rules and %2 set elements holds the block and permit filters; XFRM holds the negotiate filters.</source>
        <translation>Kernel: Die nftables-Tabelle inet ipsec_console mit %1 Regeln und %2 Set-Elementen enthält die Blockieren- und Zulassen-Filter; XFRM enthält die Aushandeln-Filter.</translation>
    </message>
    <message>
        <source>Missing from the nftables table: %1</source>
        <translation>Fehlt in der nftables-Tabelle: %1</translation>
    </message>
    <message>
        <source>Unexpected in the nftables table: %1</source>
        <translation>Unerwartet in der nftables-Tabelle: %1</translation>
    </message>
    <message>
        <source>Packets</source>
        <translation>Pakete</translation>
    </message>
    <message>
        <source>nftables element</source>
        <translation>nftables-Element</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: IPsec policy is computer policy; only the computer&apos;s policy can be fetched.</source>
        <translation>&quot;%1&quot;: Die IPsec-Richtlinie ist eine Computerrichtlinie; nur die Richtlinie des Computers kann abgerufen werden.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a switch of gpupdate here: use gpupdate [/force] [/target:computer] [/wait:SECONDS].</source>
        <translation>&quot;%1&quot; ist hier kein Schalter von gpupdate: Verwenden Sie gpupdate [/force] [/target:computer] [/wait:SECONDS].</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not understood: use secedit /refreshpolicy machine_policy [/enforce].</source>
        <translation>&quot;%1&quot; wird nicht verstanden: Verwenden Sie secedit /refreshpolicy machine_policy [/enforce].</translation>
    </message>
    <message>
        <source>refresh takes no arguments.</source>
        <translation>refresh akzeptiert keine Argumente.</translation>
    </message>
    <message>
        <source>Use secedit /refreshpolicy machine_policy [/enforce].</source>
        <translation>Verwenden Sie secedit /refreshpolicy machine_policy [/enforce].</translation>
    </message>
    <message>
        <source>Updating policy...</source>
        <translation>Richtlinie wird aktualisiert...</translation>
    </message>
    <message>
        <source>Computer Policy update has completed successfully.</source>
        <translation>Die Aktualisierung der Computerrichtlinie wurde erfolgreich abgeschlossen.</translation>
    </message>
</context>
<context>
    <name>IpseccmdHelp</name>
    <message>
        <source>success</source>
        <translation>Erfolg</translation>
    </message>
    <message>
        <source>usage error (bad command line or value)</source>
        <translation>Aufruffehler (falsche Befehlszeile oder falscher Wert)</translation>
    </message>
    <message>
        <source>not found (no such policy, rule, filter list or file)</source>
        <translation>nicht gefunden (keine solche Richtlinie, Regel, Filterliste oder Datei)</translation>
    </message>
    <message>
        <source>store error (cannot open, read or write the policy store)</source>
        <translation>Speicherfehler (der Richtlinienspeicher kann nicht geöffnet, gelesen oder geschrieben werden)</translation>
    </message>
    <message>
        <source>conflict (e.g. deleting an assigned policy), refused by the SSH guard, or rolled back because it was not confirmed in time</source>
        <translation>Konflikt (z. B. Löschen einer zugewiesenen Richtlinie), vom SSH-Schutz abgelehnt oder zurückgenommen, weil nicht rechtzeitig bestätigt</translation>
    </message>
    <message>
        <source>kernel error</source>
        <translation>Kernelfehler</translation>
    </message>
    <message>
        <source>permission denied (also: refused by the policy agent)</source>
        <translation>Zugriff verweigert (auch: vom Richtlinienagenten abgelehnt)</translation>
    </message>
    <message>
        <source>the static store (default: $IPSEC_CONSOLE_STORE, else /var/lib/ipsec-console/policy.db for root, $XDG_DATA_HOME/ipsec-console/policy.db for other users)</source>
        <translation>der statische Speicher (Standard: $IPSEC_CONSOLE_STORE, sonst /var/lib/ipsec-console/policy.db für root, $XDG_DATA_HOME/ipsec-console/policy.db für andere Benutzer)</translation>
    </message>
    <message>
        <source>work in network namespace NAME, /run/netns/NAME (default: $IPSEC_CONSOLE_NETNS)</source>
        <translation>im Netzwerk-Namespace NAME arbeiten, /run/netns/NAME (Standard: $IPSEC_CONSOLE_NETNS)</translation>
    </message>
    <message>
        <source>machine-readable output</source>
        <translation>maschinenlesbare Ausgabe</translation>
    </message>
    <message>
        <source>only through the policy agent ipsec-policyd, or never through it (default: the agent when it runs and serves this namespace and store, else this process)</source>
        <translation>nur über den Richtlinien-Agenten ipsec-policyd oder nie über ihn (Standard: der Agent, wenn er läuft und diesen Namespace und Speicher bedient, sonst dieser Prozess)</translation>
    </message>
    <message>
        <source>do not exempt IKE (UDP 500 and 4500) from the filters; remembered for this namespace until --ike-exemption</source>
        <translation>IKE (UDP 500 und 4500) nicht von den Filtern ausnehmen; wird für diesen Namespace bis --ike-exemption gespeichert</translation>
    </message>
    <message>
        <source>roll the change back unless it is confirmed within SECONDS (1-86400): type yes, or run &apos;ipseccmd confirm&apos;</source>
        <translation>die Änderung rückgängig machen, sofern sie nicht innerhalb von SECONDS (1-86400) bestätigt wird: yes eingeben oder &apos;ipseccmd confirm&apos; ausführen</translation>
    </message>
    <message>
        <source>apply even when the change blocks your own SSH connection ($SSH_CONNECTION), which is otherwise refused</source>
        <translation>auch anwenden, wenn die Änderung Ihre eigene SSH-Verbindung ($SSH_CONNECTION) blockiert, was sonst abgelehnt wird</translation>
    </message>
    <message>
        <source>print this help and exit</source>
        <translation>diese Hilfe ausgeben und beenden</translation>
    </message>
    <message>
        <source>print the version and exit</source>
        <translation>die Version ausgeben und beenden</translation>
    </message>
    <message>
        <source>the static store (SQLite) of root and of the policy agent</source>
        <translation>der statische Speicher (SQLite) von root und des Richtlinien-Agenten</translation>
    </message>
    <message>
        <source>the static store of other users (usually ~/.local/share/ipsec-console/)</source>
        <translation>der statische Speicher anderer Benutzer (normalerweise ~/.local/share/ipsec-console/)</translation>
    </message>
    <message>
        <source>dynamic filters, the emergency record and pending confirmations, one folder per network namespace; gone at reboot</source>
        <translation>dynamische Filter, der Notfall-Datensatz und ausstehende Bestätigungen, ein Ordner pro Netzwerk-Namespace; nach dem Neustart verschwunden</translation>
    </message>
    <message>
        <source>the static store, as --store</source>
        <translation>der statische Speicher, wie --store</translation>
    </message>
    <message>
        <source>the network namespace, as --netns</source>
        <translation>der Netzwerk-Namespace, wie --netns</translation>
    </message>
    <message>
        <source>the caller&apos;s SSH connection, which changes must not block (see --force)</source>
        <translation>die SSH-Verbindung des Aufrufers, die Änderungen nicht blockieren dürfen (siehe --force)</translation>
    </message>
    <message>
        <source>where the policy agent is looked for</source>
        <translation>wo nach dem Richtlinien-Agenten gesucht wird</translation>
    </message>
    <message>
        <source>manage the host&apos;s IPsec filtering policy with the Windows ipsecpol and IPSeccmd command lines</source>
        <translation>die IPsec-Filterrichtlinie des Hosts mit den Befehlszeilen von Windows ipsecpol und IPSeccmd verwalten</translation>
    </message>
    <message>
        <source>Manages the host&apos;s IPsec filtering policy with the command lines of the Windows ipsecpol.exe and IPSeccmd.exe tools: a static policy kept in a policy store and enforced in the Linux kernel&apos;s IPsec security policy database (XFRM) when it is assigned, and dynamic filters that last until reboot. Flags may come in any order and any case. The same program answers as ipsecpol, netsh and netdiag (also with .exe), so lines pasted from Microsoft&apos;s documentation run as printed; quote [ ] and ( ) filter specs for the shell.</source>
        <translation>Verwaltet die IPsec-Filterrichtlinie des Hosts mit den Befehlszeilen der Windows-Tools ipsecpol.exe und IPSeccmd.exe: eine statische Richtlinie, die in einem Richtlinienspeicher gehalten und, wenn sie zugewiesen ist, in der IPsec-Sicherheitsrichtliniendatenbank (XFRM) des Linux-Kernels durchgesetzt wird, sowie dynamische Filter, die bis zum Neustart gelten. Schalter dürfen in beliebiger Reihenfolge und Groß-/Kleinschreibung angegeben werden. Dasselbe Programm antwortet als ipsecpol, netsh und netdiag (auch mit .exe), sodass aus der Dokumentation von Microsoft eingefügte Zeilen unverändert laufen; setzen Sie Filterangaben mit [ ] und ( ) für die Shell in Anführungszeichen.</translation>
    </message>
    <message>
        <source>Run as root, every change of the assigned policy is enforced in the kernel before it is committed to the store. When the policy agent ipsec-policyd runs, ordinary users work through it (it asks polkit); otherwise they change only their own store.</source>
        <translation>Als root ausgeführt, wird jede Änderung der zugewiesenen Richtlinie im Kernel durchgesetzt, bevor sie in den Speicher übernommen wird. Wenn der Richtlinien-Agent ipsec-policyd läuft, arbeiten normale Benutzer über ihn (er fragt polkit); andernfalls ändern sie nur ihren eigenen Speicher.</translation>
    </message>
    <message>
        <source>Static mode (the persistent policy store)</source>
        <translation>Statischer Modus (der dauerhafte Richtlinienspeicher)</translation>
    </message>
    <message>
        <source>work on the local static store</source>
        <translation>im lokalen statischen Speicher arbeiten</translation>
    </message>
    <message>
        <source>the policy to create or change (and its polling interval)</source>
        <translation>die zu erstellende oder zu ändernde Richtlinie (und ihr Abrufintervall)</translation>
    </message>
    <message>
        <source>the rule to create, change or delete (repeat with -o)</source>
        <translation>die zu erstellende, zu ändernde oder zu löschende Regel (mit -o wiederholen)</translation>
    </message>
    <message>
        <source>assign the policy (unassigns any other)</source>
        <translation>die Richtlinie zuweisen (hebt die Zuweisung jeder anderen auf)</translation>
    </message>
    <message>
        <source>unassign the policy</source>
        <translation>die Zuweisung der Richtlinie aufheben</translation>
    </message>
    <message>
        <source>delete the named rules, or the whole policy without -r</source>
        <translation>die genannten Regeln löschen oder ohne -r die ganze Richtlinie</translation>
    </message>
    <message>
        <source>Dynamic mode</source>
        <translation>Dynamischer Modus</translation>
    </message>
    <message>
        <source>Without -w, filters go straight into the kernel and are lost at reboot and when the policy agent restarts; -u deletes them all.</source>
        <translation>Ohne -w gehen Filter direkt in den Kernel und gehen beim Neustart sowie beim Neustart des Richtlinien-Agenten verloren; -u löscht sie alle.</translation>
    </message>
    <message>
        <source>Filters and actions</source>
        <translation>Filter und Aktionen</translation>
    </message>
    <message>
        <source>filter specs SRC[/MASK][:PORT]{=|+}DST[/MASK][:PORT][:PROTO]: &apos;=&apos; one direction, &apos;+&apos; mirrored; 0 = this host, * = any host, DNS names, dotted masks or prefix lengths; PROTO is TCP, UDP, ICMP, RAW or a number; port 0 means any port. In dynamic mode [SPEC] blocks and (SPEC) passes.</source>
        <translation>Filterangaben SRC[/MASK][:PORT]{=|+}DST[/MASK][:PORT][:PROTO]: &apos;=&apos; eine Richtung, &apos;+&apos; gespiegelt; 0 = dieser Host, * = beliebiger Host, DNS-Namen, Masken in Punktschreibweise oder Präfixlängen; PROTO ist TCP, UDP, ICMP, RAW oder eine Zahl; Port 0 bedeutet beliebiger Port. Im dynamischen Modus blockiert [SPEC] und (SPEC) lässt durch.</translation>
    </message>
    <message>
        <source>what matching traffic gets; METHOD is a security method such as ESP[3DES,SHA] or AH[MD5]+ESP[DES,SHA]3600S</source>
        <translation>was passender Datenverkehr erhält; METHOD ist eine Sicherheitsmethode wie ESP[3DES,SHA] oder AH[MD5]+ESP[DES,SHA]3600S</translation>
    </message>
    <message>
        <source>tunnel endpoint</source>
        <translation>Tunnelendpunkt</translation>
    </message>
    <message>
        <source>authentication methods: KERBEROS, PRESHARE:&quot;key&quot; or CERT:&quot;CA name&quot;</source>
        <translation>Authentifizierungsmethoden: KERBEROS, PRESHARE:&quot;key&quot; oder CERT:&quot;CA name&quot;</translation>
    </message>
    <message>
        <source>allow fall back to clear traffic</source>
        <translation>Fallback auf unverschlüsselten Datenverkehr erlauben</translation>
    </message>
    <message>
        <source>the connection type of the rule</source>
        <translation>der Verbindungstyp der Regel</translation>
    </message>
    <message>
        <source>accepted for compatibility (dynamic mode only)</source>
        <translation>aus Kompatibilitätsgründen akzeptiert (nur dynamischer Modus)</translation>
    </message>
    <message>
        <source>Commands</source>
        <translation>Befehle</translation>
    </message>
    <message>
        <source>remove every kernel entry of this tool (static and dynamic) at once and unassign the policy; works even when the store is broken</source>
        <translation>alle Kernel-Einträge dieses Tools (statisch und dynamisch) auf einmal entfernen und die Zuweisung der Richtlinie aufheben; funktioniert auch, wenn der Speicher beschädigt ist</translation>
    </message>
    <message>
        <source>put back what the last emergency-unassign removed</source>
        <translation>wiederherstellen, was die letzte Notfall-Aufhebung (emergency-unassign) entfernt hat</translation>
    </message>
    <message>
        <source>keep the changes made with --confirm-within</source>
        <translation>die mit --confirm-within vorgenommenen Änderungen behalten</translation>
    </message>
    <message>
        <source>save, restore and compare the whole policy state (&apos;%1 snapshot --help&apos;)</source>
        <translation>den gesamten Richtlinienzustand speichern, wiederherstellen und vergleichen (&apos;%1 snapshot --help&apos;)</translation>
    </message>
    <message>
        <source>print the names of the store&apos;s policies, filterlists, filteractions or rules, one a line (for shell completion)</source>
        <translation>die Namen der Richtlinien, Filterlisten, Filteraktionen oder Regeln des Speichers ausgeben, einer pro Zeile (für die Shell-Vervollständigung)</translation>
    </message>
    <message>
        <source>the netsh ipsec commands, as the program netsh (see netsh(1))</source>
        <translation>die netsh-ipsec-Befehle, als Programm netsh (siehe netsh(1))</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Optionen</translation>
    </message>
    <message>
        <source>Check whether a policy is assigned (Microsoft KB 813878):</source>
        <translation>Prüfen, ob eine Richtlinie zugewiesen ist (Microsoft KB 813878):</translation>
    </message>
    <message>
        <source>Create a static policy that blocks inbound UDP 1434 and assign it:</source>
        <translation>Eine statische Richtlinie erstellen, die eingehendes UDP 1434 blockiert, und sie zuweisen:</translation>
    </message>
    <message>
        <source>Add the outbound rule, and a rule for inbound TCP 80 to the same policy:</source>
        <translation>Die ausgehende Regel und eine Regel für eingehendes TCP 80 zu derselben Richtlinie hinzufügen:</translation>
    </message>
    <message>
        <source>Verify, with the filters expanded to this host&apos;s addresses:</source>
        <translation>Überprüfen, mit auf die Adressen dieses Hosts erweiterten Filtern:</translation>
    </message>
    <message>
        <source>Block inbound UDP 1434 at once until reboot, then delete every dynamic filter:</source>
        <translation>Eingehendes UDP 1434 sofort bis zum Neustart blockieren, dann alle dynamischen Filter löschen:</translation>
    </message>
    <message>
        <source>Unassign the policy, then delete both rules (and the policy with them):</source>
        <translation>Die Zuweisung der Richtlinie aufheben, dann beide Regeln löschen (und mit ihnen die Richtlinie):</translation>
    </message>
    <message>
        <source>When a block breaks something: remove everything at once, later put it back:</source>
        <translation>Wenn eine Blockierung etwas beeinträchtigt: alles auf einmal entfernen, später wiederherstellen:</translation>
    </message>
    <message>
        <source>Keep a change only if you can still work afterwards:</source>
        <translation>Eine Änderung nur behalten, wenn Sie danach noch arbeiten können:</translation>
    </message>
    <message>
        <source>the netsh ipsec commands and scripts of Windows Server 2003</source>
        <translation>die netsh-ipsec-Befehle und -Skripte von Windows Server 2003</translation>
    </message>
    <message>
        <source>Runs the netsh ipsec static and dynamic commands of Windows Server 2003 against this host&apos;s IPsec policy (see ipseccmd(1)); &apos;ipseccmd netsh ...&apos; is the same.</source>
        <translation>Führt die statischen und dynamischen netsh-ipsec-Befehle von Windows Server 2003 für die IPsec-Richtlinie dieses Hosts aus (siehe ipseccmd(1)); &apos;ipseccmd netsh ...&apos; ist dasselbe.</translation>
    </message>
    <message>
        <source>netsh -f SCRIPT runs a netsh script or a .cmd/.bat file of netsh ipsec lines as one transaction: every line is read and checked first, then all changes are made in one store transaction that is enforced in the kernel before it commits. An error names the file and the line and changes nothing. Scripts may be UTF-8 or UTF-16 with BOM, with CRLF or LF line ends.</source>
        <translation>netsh -f SCRIPT führt ein netsh-Skript oder eine .cmd/.bat-Datei mit netsh-ipsec-Zeilen als eine Transaktion aus: Jede Zeile wird zuerst gelesen und geprüft, dann werden alle Änderungen in einer Speichertransaktion vorgenommen, die vor dem Übernehmen im Kernel durchgesetzt wird. Ein Fehler nennt die Datei und die Zeile und ändert nichts. Skripte können UTF-8 oder UTF-16 mit BOM sein, mit CRLF- oder LF-Zeilenenden.</translation>
    </message>
    <message>
        <source>Addresses: me, any, an IP address (IPv4 or IPv6) or a DNS name; masks dotted or prefix lengths; port 0 means any port. Tags may be shortened (desc=, mirror=) or left out (values in the documented order); yes|no|y|n.</source>
        <translation>Adressen: me, any, eine IP-Adresse (IPv4 oder IPv6) oder ein DNS-Name; Masken in Punktschreibweise oder Präfixlängen; Port 0 bedeutet beliebiger Port. Tags dürfen abgekürzt (desc=, mirror=) oder weggelassen werden (Werte in der dokumentierten Reihenfolge); yes|no|y|n.</translation>
    </message>
    <message>
        <source>Static commands (the persistent store)</source>
        <translation>Statische Befehle (der dauerhafte Speicher)</translation>
    </message>
    <message>
        <source>Dynamic commands (the running policy, lost at reboot)</source>
        <translation>Dynamische Befehle (die laufende Richtlinie, geht beim Neustart verloren)</translation>
    </message>
    <message>
        <source>run the script SCRIPT line by line, as netsh does: a failing line is reported with its number and the next one runs; exit status 1 when a line failed</source>
        <translation>das Skript SCRIPT Zeile für Zeile ausführen, wie netsh es tut: Eine fehlschlagende Zeile wird mit ihrer Nummer gemeldet und die nächste ausgeführt; Exit-Status 1, wenn eine Zeile fehlgeschlagen ist</translation>
    </message>
    <message>
        <source>with -f: apply the whole script as one transaction (the first failing line leaves everything as it was)</source>
        <translation>mit -f: das ganze Skript als eine Transaktion anwenden (die erste fehlschlagende Zeile lässt alles, wie es war)</translation>
    </message>
    <message>
        <source>with -f: the script&apos;s encoding (e.g. windows-1252, GBK, IBM850 or a code page number); default: byte order mark, chcp line, UTF-8, else detected and said</source>
        <translation>mit -f: die Kodierung des Skripts (z. B. windows-1252, GBK, IBM850 oder eine Codepage-Nummer); Standard: Byte Order Mark, chcp-Zeile, UTF-8, sonst erkannt und gemeldet</translation>
    </message>
    <message>
        <source>start in CONTEXT, e.g. -c &quot;ipsec static&quot;</source>
        <translation>in CONTEXT starten, z. B. -c &quot;ipsec static&quot;</translation>
    </message>
    <message>
        <source>the static store (as ipseccmd)</source>
        <translation>der statische Speicher (wie ipseccmd)</translation>
    </message>
    <message>
        <source>work in network namespace NAME</source>
        <translation>im Netzwerk-Namespace NAME arbeiten</translation>
    </message>
    <message>
        <source>print the kernel plan, change nothing</source>
        <translation>den Kernel-Plan ausgeben, nichts ändern</translation>
    </message>
    <message>
        <source>machine-readable output of show</source>
        <translation>maschinenlesbare Ausgabe von show</translation>
    </message>
    <message>
        <source>roll the changes back unless confirmed in time (&apos;ipseccmd confirm&apos;)</source>
        <translation>die Änderungen rückgängig machen, sofern sie nicht rechtzeitig bestätigt werden (&apos;ipseccmd confirm&apos;)</translation>
    </message>
    <message>
        <source>apply even when the change blocks your own SSH connection</source>
        <translation>auch anwenden, wenn die Änderung Ihre eigene SSH-Verbindung blockiert</translation>
    </message>
    <message>
        <source>Run a hardening script kept for Windows servers:</source>
        <translation>Ein für Windows-Server vorgehaltenes Härtungsskript ausführen:</translation>
    </message>
    <message>
        <source>Create a policy that blocks inbound TCP 445 and assign it:</source>
        <translation>Eine Richtlinie erstellen, die eingehendes TCP 445 blockiert, und sie zuweisen:</translation>
    </message>
    <message>
        <source>Show the policies, save them to backup.ipsec and merge them back:</source>
        <translation>Die Richtlinien anzeigen, in backup.ipsec speichern und wieder zusammenführen:</translation>
    </message>
    <message>
        <source>Block inbound UDP 1434 until reboot, then delete every dynamic rule:</source>
        <translation>Eingehendes UDP 1434 bis zum Neustart blockieren, dann alle dynamischen Regeln löschen:</translation>
    </message>
    <message>
        <source>the IP Security test of the Windows Support Tools&apos; netdiag</source>
        <translation>der IP-Sicherheitstest von netdiag aus den Windows Support Tools</translation>
    </message>
    <message>
        <source>Runs the IP Security test of the Windows Support Tools&apos; netdiag: tells whether an IPsec policy is assigned and, with /debug, lists its filters expanded to this host&apos;s addresses (&quot;specific filters&quot;) and marks every filter the kernel does not enforce. Switches may start with / or -.</source>
        <translation>Führt den IP-Sicherheitstest von netdiag aus den Windows Support Tools aus: Meldet, ob eine IPsec-Richtlinie zugewiesen ist, und listet mit /debug ihre auf die Adressen dieses Hosts erweiterten Filter auf (&quot;specific filters&quot;) und markiert jeden Filter, den der Kernel nicht durchsetzt. Schalter dürfen mit / oder - beginnen.</translation>
    </message>
    <message>
        <source>run the IP Security test (the only test available)</source>
        <translation>den IP-Sicherheitstest ausführen (der einzige verfügbare Test)</translation>
    </message>
    <message>
        <source>also print the policy path and every filter</source>
        <translation>außerdem den Richtlinienpfad und jeden Filter ausgeben</translation>
    </message>
    <message>
        <source>accepted for compatibility (same as without)</source>
        <translation>aus Kompatibilitätsgründen akzeptiert (wie ohne)</translation>
    </message>
    <message>
        <source>Verify the assigned policy&apos;s filters:</source>
        <translation>Filter der zugewiesenen Richtlinie überprüfen:</translation>
    </message>
    <message>
        <source>the IKE daemon&apos;s (strongSwan charon&apos;s) VICI socket for negotiated security (default: $IPSEC_CONSOLE_VICI, else /run/charon.vici)</source>
        <translation>der VICI-Socket des IKE-Daemons (strongSwan charon) für ausgehandelte Sicherheit (Standard: $IPSEC_CONSOLE_VICI, sonst /run/charon.vici)</translation>
    </message>
    <message>
        <source>the IKE daemon&apos;s VICI socket, as --vici</source>
        <translation>der VICI-Socket des IKE-Daemons, wie --vici</translation>
    </message>
    <message>
        <source>1 (default, as Windows 2000/XP/2003) or 2: the IKE version of the connections given to strongSwan</source>
        <translation>1 (Standard, wie Windows 2000/XP/2003) oder 2: die IKE-Version der an strongSwan übergebenen Verbindungen</translation>
    </message>
    <message>
        <source>query the store, the dynamic filters, the kernel and (sas) the IKE daemon&apos;s security associations (--json for scripts)</source>
        <translation>den Speicher, die dynamischen Filter, den Kernel und (sas) die Sicherheitszuordnungen des IKE-Daemons abfragen (--json für Skripte)</translation>
    </message>
    <message>
        <source>Server types: srcaddr= or dstaddr= DNS, DHCP or GATEWAY stand for this computer&apos;s resolvers (resolv.conf), DHCP server (leases) and default gateway (routes), looked up whenever the policy is enforced; the other end is me. WINS is refused.</source>
        <translation>Servertypen: srcaddr= oder dstaddr= DNS, DHCP oder GATEWAY stehen für die Resolver (resolv.conf), den DHCP-Server (Leases) und das Standardgateway (Routen) dieses Computers, die bei jeder Durchsetzung der Richtlinie ermittelt werden; das andere Ende ist me. WINS wird abgelehnt.</translation>
    </message>
    <message>
        <source>print the kernel plan (nft commands and &apos;ip xfrm policy&apos; lines) and change nothing</source>
        <translation>den Kernel-Plan ausgeben (nft-Befehle und &apos;ip xfrm policy&apos;-Zeilen) und nichts ändern</translation>
    </message>
    <message>
        <source>where block and permit filters are enforced: nft, the table inet ipsec_console (default; negotiate stays in XFRM; XFRM for everything where the kernel has no nf_tables), or xfrm, one XFRM policy per filter (default: $IPSEC_CONSOLE_BACKEND)</source>
        <translation>wo Blockieren- und Zulassen-Filter durchgesetzt werden: nft, die Tabelle inet ipsec_console (Standard; Aushandeln bleibt in XFRM; XFRM für alles, wenn der Kernel kein nf_tables hat), oder xfrm, eine XFRM-Richtlinie pro Filter (Standard: $IPSEC_CONSOLE_BACKEND)</translation>
    </message>
    <message>
        <source>work on the IPsec policies of an Active Directory domain (the directory from IPSEC_CONSOLE_DIRECTORY or the domain&apos;s name; -x assigns in the GPO --gpo NAME, default the Default Domain Policy)</source>
        <translation>mit den IPsec-Richtlinien einer Active Directory-Domäne arbeiten (das Verzeichnis aus IPSEC_CONSOLE_DIRECTORY oder der Name der Domäne; -x weist im GPO --gpo NAME zu, Standard ist die Default Domain Policy)</translation>
    </message>
    <message>
        <source>the policy&apos;s main-mode (IKE) methods, e.g. 3DES-SHA-2 DES-MD5-1: stored and offered by the IKE daemon</source>
        <translation>die Hauptmodus-Methoden (IKE) der Richtlinie, z. B. 3DES-SHA-2 DES-MD5-1: gespeichert und vom IKE-Daemon angeboten</translation>
    </message>
    <message>
        <source>other main-mode settings, checked but not stored</source>
        <translation>weitere Hauptmodus-Einstellungen, geprüft, aber nicht gespeichert</translation>
    </message>
    <message>
        <source>fetch the IPsec policy the domain assigns to this computer now and enforce it (through the agent when it runs); also spelled gpupdate /force and secedit /refreshpolicy machine_policy, as program names or subcommands</source>
        <translation>die IPsec-Richtlinie, die die Domäne diesem Computer zuweist, jetzt abrufen und durchsetzen (über den Agenten, wenn er läuft); auch als gpupdate /force und secedit /refreshpolicy machine_policy geschrieben, als Programmnamen oder Unterbefehle</translation>
    </message>
    <message>
        <source>start a new main mode after N quick modes and/or N seconds, e.g. 10Q/3600S (stored in the policy)</source>
        <translation>nach N Schnellmodi und/oder N Sekunden einen neuen Hauptmodus starten, z. B. 10Q/3600S (in der Richtlinie gespeichert)</translation>
    </message>
    <message>
        <source>master key perfect forward secrecy: one quick mode per main mode</source>
        <translation>Perfect Forward Secrecy für den Hauptschlüssel: ein Schnellmodus pro Hauptmodus</translation>
    </message>
</context>
<context>
    <name>NetdiagTool</name>
    <message>
        <source>netdiag: test &quot;%1&quot; is not available; only /test:ipsec is.</source>
        <translation>netdiag: Test &quot;%1&quot; ist nicht verfügbar; nur /test:ipsec ist verfügbar.</translation>
    </message>
    <message>
        <source>netdiag: unknown argument &quot;%1&quot;. Usage: netdiag /test:ipsec [/debug]</source>
        <translation>netdiag: unbekanntes Argument &quot;%1&quot;. Aufruf: netdiag /test:ipsec [/debug]</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>Passed</translation>
    </message>
    <message>
        <source>IPSec policy service is active, but no policy is assigned.</source>
        <translation>IPSec policy service is active, but no policy is assigned.</translation>
    </message>
    <message>
        <source>Local IPSec Policy Active: &apos;%1&apos;</source>
        <translation>Local IPSec Policy Active: &apos;%1&apos;</translation>
    </message>
    <message>
        <source>IP Security Policy Path: %1:ipsecPolicy%2</source>
        <translation>IP Security Policy Path: %1:ipsecPolicy%2</translation>
    </message>
    <message>
        <source>There are %1 filters</source>
        <translation>There are %1 filters</translation>
    </message>
    <message>
        <source>No Name</source>
        <translation>No Name</translation>
    </message>
    <message>
        <source>Filter Id: %1</source>
        <translation>Filter Id: %1</translation>
    </message>
    <message>
        <source>Policy Id: %1</source>
        <translation>Policy Id: %1</translation>
    </message>
    <message>
        <source>Src Addr : %1 Src Mask : %2</source>
        <translation>Src Addr : %1 Src Mask : %2</translation>
    </message>
    <message>
        <source>Dest Addr : %1 Dest Mask : %2</source>
        <translation>Dest Addr : %1 Dest Mask : %2</translation>
    </message>
    <message>
        <source>Tunnel Addr : %1 Src Port : %2 Dest Port : %3</source>
        <translation>Tunnel Addr : %1 Src Port : %2 Dest Port : %3</translation>
    </message>
    <message>
        <source>Protocol : %1 TunnelFilter: No</source>
        <translation>Protocol : %1 TunnelFilter: No</translation>
    </message>
    <message>
        <source>Flags : %1 %2</source>
        <translation>Flags : %1 %2</translation>
    </message>
    <message>
        <source>The kernel&apos;s policy could not be read: %1</source>
        <translation>Die Richtlinie des Kernels konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Policy Id: Dynamic</source>
        <translation>Policy Id: Dynamic</translation>
    </message>
    <message>
        <source>Enforced : No (missing from the kernel)</source>
        <translation>Enforced : No (missing from the kernel)</translation>
    </message>
    <message>
        <source>Kernel: not checked (reading the kernel&apos;s IPsec policy needs root).</source>
        <translation>Kernel: nicht geprüft (das Lesen der IPsec-Richtlinie des Kernels erfordert root).</translation>
    </message>
    <message>
        <source>Kernel: all filters are enforced (%1 entries of this tool, %2 of other tools).</source>
        <translation>Kernel: Alle Filter werden durchgesetzt (%1 Einträge dieses Tools, %2 anderer Tools).</translation>
    </message>
    <message>
        <source>WARNING: the store and the kernel disagree: %1 kernel entries missing, %2 unexpected. Run &apos;ipseccmd show filters&apos; or re-apply the policy.</source>
        <translation>WARNUNG: Speicher und Kernel stimmen nicht überein: %1 Kernel-Einträge fehlen, %2 unerwartet. Führen Sie &apos;ipseccmd show filters&apos; aus oder wenden Sie die Richtlinie erneut an.</translation>
    </message>
    <message>
        <source>Unexpected kernel entry: %1</source>
        <translation>Unerwarteter Kernel-Eintrag: %1</translation>
    </message>
    <message>
        <source>IKE daemon (charon) at %1: %2 main mode and %3 quick mode security association(s).</source>
        <translation>IKE-Daemon (charon) unter %1: %2 Sicherheitszuordnung(en) im Hauptmodus und %3 im Schnellmodus.</translation>
    </message>
    <message>
        <source>Negotiation is unavailable: %1. Traffic that requires security is dropped until the IKE daemon runs.</source>
        <translation>Aushandlung ist nicht verfügbar: %1. Datenverkehr, der Sicherheit erfordert, wird verworfen, bis der IKE-Daemon läuft.</translation>
    </message>
    <message>
        <source>Directory IPSec Policy Active: &apos;%1&apos;</source>
        <translation>Aktive IPSec-Verzeichnisrichtlinie: &apos;%1&apos;</translation>
    </message>
    <message>
        <source>The local policy &apos;%1&apos; is assigned but overridden by the domain&apos;s.</source>
        <translation>Die lokale Richtlinie &apos;%1&apos; ist zugewiesen, wird aber von der Richtlinie der Domäne überschrieben.</translation>
    </message>
    <message>
        <source>The domain policy&apos;s filters are shown to root only (its cached copy may hold preshared keys).</source>
        <translation>Die Filter der Domänenrichtlinie werden nur root angezeigt (ihre zwischengespeicherte Kopie kann vorinstallierte Schlüssel enthalten).</translation>
    </message>
    <message>
        <source>IP Security Policy Path: %1</source>
        <translation>Pfad der IP-Sicherheitsrichtlinie: %1</translation>
    </message>
    <message>
        <source>Missing from the nftables table: %1</source>
        <translation>Fehlt in der nftables-Tabelle: %1</translation>
    </message>
    <message>
        <source>Unexpected in the nftables table: %1</source>
        <translation>Unerwartet in der nftables-Tabelle: %1</translation>
    </message>
    <message>
        <source>Block and permit: nftables table inet ipsec_console (%1 rules, %2 set elements); XFRM holds the negotiate filters.</source>
        <translation>Blockieren und Zulassen: nftables-Tabelle inet ipsec_console (%1 Regeln, %2 Set-Elemente); XFRM enthält die Aushandeln-Filter.</translation>
    </message>
    <message>
        <source>Packets decided by the nftables table, per filter (most first):</source>
        <translation>Von der nftables-Tabelle entschiedene Pakete, je Filter (häufigste zuerst):</translation>
    </message>
    <message>
        <source>  … %1 more (ipseccmd show stats)</source>
        <translation>  … %1 weitere (ipseccmd show stats)</translation>
    </message>
</context>
<context>
    <name>NetshShow</name>
    <message>
        <source>&lt;My IP Address&gt;</source>
        <translation>&lt;Eigene IP-Adresse&gt;</translation>
    </message>
    <message>
        <source>&lt;Any IP Address&gt;</source>
        <translation>&lt;Beliebige IP-Adresse&gt;</translation>
    </message>
    <message>
        <source>Local store: %1</source>
        <translation>Lokaler Speicher: %1</translation>
    </message>
    <message>
        <source>No domain (group policy) store: the local store is in effect.</source>
        <translation>Kein Domänenspeicher (Gruppenrichtlinie): Der lokale Speicher ist wirksam.</translation>
    </message>
    <message>
        <source>Local Policy Assigned</source>
        <translation>Zugewiesene Richtlinie</translation>
    </message>
    <message>
        <source>NONE</source>
        <translation>KEINE</translation>
    </message>
    <message>
        <source>Policy Name</source>
        <translation>Richtlinienname</translation>
    </message>
    <message>
        <source>Nothing named &quot;%1&quot; to show.</source>
        <translation>Nichts namens &quot;%1&quot; anzuzeigen.</translation>
    </message>
    <message>
        <source>There is nothing to show.</source>
        <translation>Es gibt nichts anzuzeigen.</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Last Modified</source>
        <translation>Zuletzt geändert</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>Zugewiesen</translation>
    </message>
    <message>
        <source>Polling Interval</source>
        <translation>Abrufintervall</translation>
    </message>
    <message>
        <source>%1 minutes</source>
        <translation>%1 Minuten</translation>
    </message>
    <message>
        <source>Default Response Rule</source>
        <translation>Standardantwortregel</translation>
    </message>
    <message>
        <source>Activated</source>
        <translation>Aktiviert</translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation>Deaktiviert</translation>
    </message>
    <message>
        <source>No. of Rules</source>
        <translation>Anzahl Regeln</translation>
    </message>
    <message>
        <source>Rule Name</source>
        <translation>Regelname</translation>
    </message>
    <message>
        <source>&lt;Default Response Rule&gt;</source>
        <translation>&lt;Standardantwortregel&gt;</translation>
    </message>
    <message>
        <source>Filter List</source>
        <translation>Filterliste</translation>
    </message>
    <message>
        <source>&lt;missing&gt;</source>
        <translation>&lt;fehlt&gt;</translation>
    </message>
    <message>
        <source>Filter Action</source>
        <translation>Filteraktion</translation>
    </message>
    <message>
        <source>Tunnel Endpoint</source>
        <translation>Tunnelendpunkt</translation>
    </message>
    <message>
        <source>Connection Type</source>
        <translation>Verbindungstyp</translation>
    </message>
    <message>
        <source>Authentication</source>
        <translation>Authentifizierung</translation>
    </message>
    <message>
        <source>FilterList Name</source>
        <translation>Filterlistenname</translation>
    </message>
    <message>
        <source>No. of Filters</source>
        <translation>Anzahl Filter</translation>
    </message>
    <message>
        <source>  Description</source>
        <translation>  Beschreibung</translation>
    </message>
    <message>
        <source>  Mirrored</source>
        <translation>  Gespiegelt</translation>
    </message>
    <message>
        <source>  Source IP Address</source>
        <translation>  Quell-IP-Adresse</translation>
    </message>
    <message>
        <source>  Source Mask</source>
        <translation>  Quellmaske</translation>
    </message>
    <message>
        <source>  Destination IP Address</source>
        <translation>  Ziel-IP-Adresse</translation>
    </message>
    <message>
        <source>  Destination Mask</source>
        <translation>  Zielmaske</translation>
    </message>
    <message>
        <source>  Protocol</source>
        <translation>  Protokoll</translation>
    </message>
    <message>
        <source>  Source Port</source>
        <translation>  Quellport</translation>
    </message>
    <message>
        <source>  Destination Port</source>
        <translation>  Zielport</translation>
    </message>
    <message>
        <source>FilterAction Name</source>
        <translation>Filteraktionsname</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>QMPFS</source>
        <translation>QMPFS</translation>
    </message>
    <message>
        <source>Inbound Passthru</source>
        <translation>Eingehender Passthrough</translation>
    </message>
    <message>
        <source>AllowUnsecured</source>
        <translation>Ungesichert zulassen</translation>
    </message>
    <message>
        <source>Security Methods</source>
        <translation>Sicherheitsmethoden</translation>
    </message>
    <message>
        <source>No dynamic rules.</source>
        <translation>Keine dynamischen Regeln.</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Src Port</source>
        <translation>Quellport</translation>
    </message>
    <message>
        <source>Dst Port</source>
        <translation>Zielport</translation>
    </message>
    <message>
        <source>Mirrored</source>
        <translation>Gespiegelt</translation>
    </message>
    <message>
        <source>Kernel: %1 entries of this tool, %2 of other tools; %3.</source>
        <translation>Kernel: %1 Einträge dieses Tools, %2 anderer Tools; %3.</translation>
    </message>
    <message>
        <source>in sync</source>
        <translation>synchron</translation>
    </message>
    <message>
        <source>NOT in sync</source>
        <translation>NICHT synchron</translation>
    </message>
    <message>
        <source>Policy %1 has no rule named %2.</source>
        <translation>Die Richtlinie %1 hat keine Regel namens %2.</translation>
    </message>
    <message>
        <source>No policy has a rule named %1.</source>
        <translation>Keine Richtlinie hat eine Regel namens %1.</translation>
    </message>
    <message>
        <source>Rule ID</source>
        <translation>Regel-ID</translation>
    </message>
    <message>
        <source>There is no policy named %1.</source>
        <translation>Es gibt keine Richtlinie namens %1.</translation>
    </message>
    <message>
        <source>Policy %1 has no rule %2 (it has %3).</source>
        <translation>Die Richtlinie %1 hat keine Regel %2 (sie hat %3).</translation>
    </message>
    <message>
        <source>MM Sec Methods</source>
        <translation>MM-Sicherheitsmethoden</translation>
    </message>
    <message>
        <source>Kernel IPsec statistics (/proc/net/xfrm_stat):</source>
        <translation>Kernel-IPsec-Statistik (/proc/net/xfrm_stat):</translation>
    </message>
    <message>
        <source>Master PFS</source>
        <translation>Master-PFS</translation>
    </message>
    <message>
        <source>%1 seconds</source>
        <translation>%1 Sekunden</translation>
    </message>
    <message>
        <source>Main Mode Life Time</source>
        <translation>Gültigkeitsdauer des Hauptmodus</translation>
    </message>
    <message>
        <source>%1, no limit of quick mode sessions</source>
        <translation>%1, keine Begrenzung der Schnellmodussitzungen</translation>
    </message>
    <message>
        <source>%1, %2 quick mode sessions</source>
        <translation>%1, %2 Schnellmodussitzungen</translation>
    </message>
    <message>
        <source> (charon revocation = strict)</source>
        <translation> (charon revocation = strict)</translation>
    </message>
    <message>
        <source> (charon revocation = relaxed)</source>
        <translation> (charon revocation = relaxed)</translation>
    </message>
    <message>
        <source>3 (fixed here: only IKE is exempt)</source>
        <translation>3 (hier fest vorgegeben: nur IKE ist ausgenommen)</translation>
    </message>
    <message>
        <source>none (the agent enforces the assigned policy when it starts)</source>
        <translation>keine (der Agent setzt die zugewiesene Richtlinie beim Start durch)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>main mode</source>
        <translation>Hauptmodus</translation>
    </message>
    <message>
        <source>quick mode</source>
        <translation>Schnellmodus</translation>
    </message>
    <message>
        <source>Main Mode Policy Name</source>
        <translation>Name der Hauptmodusrichtlinie</translation>
    </message>
    <message>
        <source>Quick Mode Policy Name</source>
        <translation>Name der Schnellmodusrichtlinie</translation>
    </message>
    <message>
        <source>Default Policy</source>
        <translation>Standardrichtlinie</translation>
    </message>
    <message>
        <source>Soft SA Expiration Time</source>
        <translation>Soft-SA-Ablaufzeit</translation>
    </message>
    <message>
        <source>QM Limit per MM</source>
        <translation>Schnellmodi pro Hauptmodus</translation>
    </message>
    <message>
        <source>MM Lifetime</source>
        <translation>Hauptmodus-Gültigkeitsdauer</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 Min.</translation>
    </message>
    <message>
        <source>Encryption</source>
        <translation>Verschlüsselung</translation>
    </message>
    <message>
        <source>Integrity</source>
        <translation>Integrität</translation>
    </message>
    <message>
        <source>DH Group</source>
        <translation>DH-Gruppe</translation>
    </message>
    <message>
        <source>Soft</source>
        <translation>Soft</translation>
    </message>
    <message>
        <source>PFS Group</source>
        <translation>PFS-Gruppe</translation>
    </message>
    <message>
        <source>Lifetime (KB/s)</source>
        <translation>Gültigkeitsdauer (KB/s)</translation>
    </message>
    <message>
        <source>There is no dynamic %1 policy named &quot;%2&quot;.</source>
        <translation>Es gibt keine dynamische %1-Richtlinie namens &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>No dynamic main mode policies.</source>
        <translation>Keine dynamischen Hauptmodusrichtlinien.</translation>
    </message>
    <message>
        <source>No dynamic quick mode policies.</source>
        <translation>Keine dynamischen Schnellmodusrichtlinien.</translation>
    </message>
    <message>
        <source>MM Policy</source>
        <translation>Hauptmodusrichtlinie</translation>
    </message>
    <message>
        <source>QM Policy</source>
        <translation>Schnellmodusrichtlinie</translation>
    </message>
</context>
<context>
    <name>NetshTool</name>
    <message>
        <source>Try &apos;netsh --help&apos; for more information.</source>
        <translation>&quot;netsh --help&quot; liefert weitere Informationen.</translation>
    </message>
    <message>
        <source>note: %1</source>
        <translation>Hinweis: %1</translation>
    </message>
    <message>
        <source>netsh -f takes one script file, e.g. netsh -f harden.cmd</source>
        <translation>netsh -f akzeptiert genau eine Skriptdatei, z. B. netsh -f harden.cmd</translation>
    </message>
    <message>
        <source>Cannot read the script %1: %2</source>
        <translation>Das Skript %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>netsh -r (remote computers) is not supported: run the command on that machine.</source>
        <translation>netsh -r (Remotecomputer) wird nicht unterstützt: Führen Sie den Befehl auf dem betreffenden Computer aus.</translation>
    </message>
    <message>
        <source>Unknown netsh option &quot;%1&quot;. Use -f SCRIPT, -c CONTEXT or a command such as: netsh ipsec static show all</source>
        <translation>Unbekannte netsh-Option &quot;%1&quot;. Verwenden Sie -f SCRIPT, -c CONTEXT oder einen Befehl wie: netsh ipsec static show all</translation>
    </message>
    <message>
        <source>A value contains a line break: %1</source>
        <translation>Ein Wert enthält einen Zeilenumbruch: %1</translation>
    </message>
    <message>
        <source>command line</source>
        <translation>Befehlszeile</translation>
    </message>
    <message>
        <source>netsh: %1 holds no netsh ipsec command; nothing was changed.</source>
        <translation>netsh: %1 enthält keinen netsh-ipsec-Befehl; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Dry run: would export the policy store to %1.</source>
        <translation>Probelauf: Der Richtlinienspeicher würde nach %1 exportiert.</translation>
    </message>
    <message>
        <source>%1: importpolicy must be the only change of a script here, because an import is a transaction of its own; run the other commands in a second script. Nothing was changed.</source>
        <translation>%1: importpolicy muss hier die einzige Änderung eines Skripts sein, weil ein Import eine eigene Transaktion ist; führen Sie die übrigen Befehle in einem zweiten Skript aus. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is larger than 64 MiB; it is no policy export.</source>
        <translation>%1 ist größer als 64 MiB; es ist kein Richtlinienexport.</translation>
    </message>
    <message numerus="yes">
        <source>netsh: %1: %n line(s) failed; the other lines were applied.</source>
        <translation>
            <numerusform>netsh: %1: %n Zeile ist fehlgeschlagen; die anderen Zeilen wurden angewendet.</numerusform>
            <numerusform>netsh: %1: %n Zeilen sind fehlgeschlagen; die anderen Zeilen wurden angewendet.</numerusform>
        </translation>
    </message>
    <message>
        <source>file=%1 is a Windows path; give a path of this system instead, e.g. file=/root/%2. Nothing was read or written.</source>
        <translation>file=%1 ist ein Windows-Pfad; geben Sie stattdessen einen Pfad dieses Systems an, z. B. file=/root/%2. Es wurde nichts gelesen oder geschrieben.</translation>
    </message>
    <message>
        <source>Exported the policy store to %1 (readable by its owner only).</source>
        <translation>Der Richtlinienspeicher wurde nach %1 exportiert (nur für den Eigentümer lesbar).</translation>
    </message>
    <message>
        <source>%1: set store location=domain must be the first command of the script: the whole script then works on the directory. Nothing was changed.</source>
        <translation>%1: set store location=domain muss der erste Befehl des Skripts sein: Das gesamte Skript arbeitet dann mit dem Verzeichnis. Es wurde nichts geändert.</translation>
    </message>
</context>
<context>
    <name>PeerLane</name>
    <message>
        <source>uid %1 pid %2 (socket)</source>
        <translation>UID %1 PID %2 (Socket)</translation>
    </message>
    <message>
        <source>No socket %1 for Status and EmergencyUnassign: %2</source>
        <translation>Kein Socket %1 für Status und EmergencyUnassign: %2</translation>
    </message>
</context>
<context>
    <name>PolicyAgent</name>
    <message>
        <source>Could not export %1 on the bus.</source>
        <translation>%1 konnte nicht auf dem Bus exportiert werden.</translation>
    </message>
    <message>
        <source>Could not own the bus name %1: %2 (is another agent running, or does the bus policy not allow it?)</source>
        <translation>Der Busname %1 konnte nicht belegt werden: %2 (läuft bereits ein anderer Agent, oder erlaubt die Bus-Richtlinie es nicht?)</translation>
    </message>
    <message>
        <source>Refused %1: %2</source>
        <translation>Anfrage von %1 abgewiesen: %2</translation>
    </message>
    <message>
        <source>Invalid values: %1</source>
        <translation>Ungültige Werte: %1</translation>
    </message>
    <message>
        <source>A text of %1 characters is longer than the %2 the agent accepts.</source>
        <translation>Ein Text mit %1 Zeichen ist länger als die %2 Zeichen, die der Agent akzeptiert.</translation>
    </message>
    <message>
        <source>A list of %1 items is longer than the %2 the agent accepts.</source>
        <translation>Eine Liste mit %1 Einträgen ist länger als die %2 Einträge, die der Agent akzeptiert.</translation>
    </message>
    <message>
        <source>%1 for %2: %3</source>
        <translation>&quot;%1&quot; für %2: %3</translation>
    </message>
    <message>
        <source>done</source>
        <translation>erledigt</translation>
    </message>
    <message>
        <source>read the policy store</source>
        <translation>Lesen des Richtlinienspeichers</translation>
    </message>
    <message>
        <source>read the dynamic filters</source>
        <translation>Lesen der dynamischen Filter</translation>
    </message>
    <message>
        <source>read the kernel&apos;s IPsec policy</source>
        <translation>Lesen der IPsec-Richtlinie des Kernels</translation>
    </message>
    <message>
        <source>export a snapshot</source>
        <translation>Exportieren einer Momentaufnahme</translation>
    </message>
    <message>
        <source>change the static policy</source>
        <translation>Ändern der statischen Richtlinie</translation>
    </message>
    <message>
        <source>ExecuteStatic needs a static command line (-w).</source>
        <translation>ExecuteStatic benötigt eine statische Befehlszeile (-w).</translation>
    </message>
    <message>
        <source>run a netsh script</source>
        <translation>Ausführen eines netsh-Skripts</translation>
    </message>
    <message>
        <source>change the dynamic filters</source>
        <translation>Ändern der dynamischen Filter</translation>
    </message>
    <message>
        <source>ExecuteDynamic takes no static command line (-w).</source>
        <translation>ExecuteDynamic akzeptiert keine statische Befehlszeile (-w).</translation>
    </message>
    <message>
        <source>assign a policy</source>
        <translation>Zuweisen einer Richtlinie</translation>
    </message>
    <message>
        <source>unassign a policy</source>
        <translation>Aufheben der Zuweisung einer Richtlinie</translation>
    </message>
    <message>
        <source>delete a policy</source>
        <translation>Löschen einer Richtlinie</translation>
    </message>
    <message>
        <source>create a policy</source>
        <translation>Erstellen einer Richtlinie</translation>
    </message>
    <message>
        <source>change a policy</source>
        <translation>Ändern einer Richtlinie</translation>
    </message>
    <message>
        <source>create a rule</source>
        <translation>Erstellen einer Regel</translation>
    </message>
    <message>
        <source>change a rule</source>
        <translation>Ändern einer Regel</translation>
    </message>
    <message>
        <source>delete a rule</source>
        <translation>Löschen einer Regel</translation>
    </message>
    <message>
        <source>create a filter list</source>
        <translation>Erstellen einer Filterliste</translation>
    </message>
    <message>
        <source>change a filter list</source>
        <translation>Ändern einer Filterliste</translation>
    </message>
    <message>
        <source>delete a filter list</source>
        <translation>Löschen einer Filterliste</translation>
    </message>
    <message>
        <source>create a filter action</source>
        <translation>Erstellen einer Filteraktion</translation>
    </message>
    <message>
        <source>change a filter action</source>
        <translation>Ändern einer Filteraktion</translation>
    </message>
    <message>
        <source>delete a filter action</source>
        <translation>Löschen einer Filteraktion</translation>
    </message>
    <message>
        <source>add dynamic filters</source>
        <translation>Hinzufügen dynamischer Filter</translation>
    </message>
    <message>
        <source>delete the dynamic filters</source>
        <translation>Löschen der dynamischen Filter</translation>
    </message>
    <message>
        <source>enforce the policy again</source>
        <translation>Erneutes Durchsetzen der Richtlinie</translation>
    </message>
    <message>
        <source>keep the pending changes</source>
        <translation>Behalten der ausstehenden Änderungen</translation>
    </message>
    <message>
        <source>unassign in an emergency</source>
        <translation>Notfall-Aufhebung</translation>
    </message>
    <message>
        <source>re-assign after an emergency</source>
        <translation>Erneute Zuweisung nach einem Notfall</translation>
    </message>
    <message>
        <source>import a snapshot</source>
        <translation>Importieren einer Momentaufnahme</translation>
    </message>
    <message>
        <source>Unknown import mode %1.</source>
        <translation>Unbekannter Importmodus %1.</translation>
    </message>
    <message>
        <source>Unknown rule for name clashes %1.</source>
        <translation>Unbekannte Regel für Namenskonflikte %1.</translation>
    </message>
    <message>
        <source>%1: enforcing again.</source>
        <translation>%1: wird erneut durchgesetzt.</translation>
    </message>
    <message>
        <source>A %1 of %2 characters is longer than the %3 the agent accepts.</source>
        <translation>Ein %1 mit %2 Zeichen ist länger als die %3, die der Agent akzeptiert.</translation>
    </message>
    <message numerus="yes">
        <source>Emergency unassign: removed %n kernel entr(y/ies).</source>
        <translation>
            <numerusform>Notfall-Aufhebung: %n Kernel-Eintrag entfernt.</numerusform>
            <numerusform>Notfall-Aufhebung: %n Kernel-Einträge entfernt.</numerusform>
        </translation>
    </message>
    <message>
        <source>The policy agent is busy; the store is marked unassigned as soon as its current work ends.</source>
        <translation>Der Richtlinien-Agent ist beschäftigt; der Speicher wird als nicht zugewiesen markiert, sobald seine aktuelle Arbeit beendet ist.</translation>
    </message>
    <message>
        <source>Put them back with: ipseccmd reassign</source>
        <translation>Stellen Sie sie wieder her mit: ipseccmd reassign</translation>
    </message>
    <message>
        <source>script</source>
        <translation>Skript</translation>
    </message>
    <message>
        <source>snapshot</source>
        <translation>Momentaufnahme</translation>
    </message>
    <message>
        <source>fetch the domain&apos;s policy now</source>
        <translation>Richtlinie der Domäne jetzt abrufen</translation>
    </message>
    <message>
        <source>read the dynamic main mode and quick mode policies</source>
        <translation>die dynamischen Hauptmodus- und Schnellmodusrichtlinien lesen</translation>
    </message>
</context>
<context>
    <name>PolicydHelp</name>
    <message>
        <source>the IPsec policy agent of the IPsec Policy Console</source>
        <translation>der IPsec-Richtlinien-Agent der IPsec-Richtlinienkonsole</translation>
    </message>
    <message>
        <source>The IPsec policy agent, the Linux counterpart of the Windows IPSec Policy Agent: a small root service, started by systemd (ipsec-policyd.service) or by D-Bus activation. It enforces the assigned static policy when it starts, holds the dynamic filters, watches the store (changes made by anyone are enforced at once) and serves ipsec-console and ipseccmd on the D-Bus system bus as io.github.ipsecconsole.PolicyAgent1, so they work as ordinary users.</source>
        <translation>Der IPsec-Richtlinien-Agent, das Linux-Gegenstück zum Windows-IPSec-Richtlinien-Agent: ein kleiner Root-Dienst, gestartet von systemd (ipsec-policyd.service) oder durch D-Bus-Aktivierung. Er setzt beim Start die zugewiesene statische Richtlinie durch, hält die dynamischen Filter, überwacht den Speicher (Änderungen, egal von wem, werden sofort durchgesetzt) und bedient ipsec-console und ipseccmd auf dem D-Bus-Systembus als io.github.ipsecconsole.PolicyAgent1, sodass diese als normale Benutzer funktionieren.</translation>
    </message>
    <message>
        <source>Reading is open to local users. Changes (io.github.ipsecconsole.modify) and emergency unassign (io.github.ipsecconsole.emergency) are always allowed to root; for other users polkit decides where polkitd runs, else membership of the admin group. Restarting the agent clears the dynamic filters and enforces the static policy again; stopping it leaves the static policy in the kernel.</source>
        <translation>Lesen ist für lokale Benutzer offen. Änderungen (io.github.ipsecconsole.modify) und Notfall-Aufhebung (io.github.ipsecconsole.emergency) sind root immer erlaubt; für andere Benutzer entscheidet polkit, sofern polkitd läuft, sonst die Mitgliedschaft in der Administratorgruppe. Ein Neustart des Agenten löscht die dynamischen Filter und setzt die statische Richtlinie erneut durch; ein Beenden lässt die statische Richtlinie im Kernel.</translation>
    </message>
    <message>
        <source>While it runs, the agent follows the addresses and routes of its network namespace (rtnetlink) and enforces again, within a second, what depends on them (&quot;me&quot; on the far end of a filter, DNS names); and it repairs its kernel entries when another program removes or changes them (ip xfrm policy flush, a program killed during an apply). The systemd unit starts it before network-pre.target, so the stored policy is in force before any interface is configured.</source>
        <translation>Während er läuft, verfolgt der Agent die Adressen und Routen seines Netzwerk-Namespace (rtnetlink) und setzt innerhalb einer Sekunde erneut durch, was davon abhängt (&quot;me&quot; am anderen Ende eines Filters, DNS-Namen); außerdem repariert er seine Kernel-Einträge, wenn ein anderes Programm sie entfernt oder ändert (ip xfrm policy flush, ein während des Anwendens beendetes Programm). Die systemd-Unit startet ihn vor network-pre.target, sodass die gespeicherte Richtlinie in Kraft ist, bevor eine Schnittstelle konfiguriert wird.</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Optionen</translation>
    </message>
    <message>
        <source>serve network namespace NAME (/run/netns/NAME)</source>
        <translation>Netzwerk-Namespace NAME bedienen (/run/netns/NAME)</translation>
    </message>
    <message>
        <source>use the static policy store at PATH (default: /var/lib/ipsec-console/policy.db)</source>
        <translation>den statischen Richtlinienspeicher unter PATH verwenden (Standard: /var/lib/ipsec-console/policy.db)</translation>
    </message>
    <message>
        <source>members of GROUP (a name or a number) may change the policy when polkit does not run (default: AdminGroup of the configuration file, else sudo)</source>
        <translation>Mitglieder von GROUP (ein Name oder eine Nummer) dürfen die Richtlinie ändern, wenn polkit nicht läuft (Standard: AdminGroup der Konfigurationsdatei, sonst sudo)</translation>
    </message>
    <message>
        <source>read the configuration file PATH (default: /etc/ipsec-console/policyd.conf)</source>
        <translation>die Konfigurationsdatei PATH lesen (Standard: /etc/ipsec-console/policyd.conf)</translation>
    </message>
    <message>
        <source>look for changes of the store every MS milliseconds (default: 1000)</source>
        <translation>alle MS Millisekunden nach Änderungen des Speichers suchen (Standard: 1000)</translation>
    </message>
    <message>
        <source>serve on the session bus (for debugging)</source>
        <translation>auf dem Sitzungsbus bedienen (zum Debuggen)</translation>
    </message>
    <message>
        <source>print this help and exit</source>
        <translation>diese Hilfe anzeigen und beenden</translation>
    </message>
    <message>
        <source>print the version and exit</source>
        <translation>die Version anzeigen und beenden</translation>
    </message>
    <message>
        <source>Start the agent now and at every boot, and see what it enforced:</source>
        <translation>Den Agenten jetzt und bei jedem Systemstart starten und anzeigen, was er durchgesetzt hat:</translation>
    </message>
    <message>
        <source>Ask the agent for its state:</source>
        <translation>Den Agenten nach seinem Zustand fragen:</translation>
    </message>
    <message>
        <source>stopped normally</source>
        <translation>normal beendet</translation>
    </message>
    <message>
        <source>usage error or unreadable configuration file</source>
        <translation>Aufruffehler oder nicht lesbare Konfigurationsdatei</translation>
    </message>
    <message>
        <source>the network namespace does not exist</source>
        <translation>der Netzwerk-Namespace existiert nicht</translation>
    </message>
    <message>
        <source>the store cannot be opened</source>
        <translation>der Speicher kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>the bus name is taken (another agent runs)</source>
        <translation>der Busname ist belegt (ein anderer Agent läuft)</translation>
    </message>
    <message>
        <source>no D-Bus connection</source>
        <translation>keine D-Bus-Verbindung</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>Zugriff verweigert</translation>
    </message>
    <message>
        <source>configuration (INI): AdminGroup=</source>
        <translation>Konfiguration (INI): AdminGroup=</translation>
    </message>
    <message>
        <source>the static store</source>
        <translation>der statische Speicher</translation>
    </message>
    <message>
        <source>dynamic filters and the emergency record</source>
        <translation>dynamische Filter und der Notfall-Datensatz</translation>
    </message>
    <message>
        <source>the polkit actions</source>
        <translation>die polkit-Aktionen</translation>
    </message>
    <message>
        <source>the bus policy</source>
        <translation>die Bus-Richtlinie</translation>
    </message>
    <message>
        <source>The agent also keeps strongSwan&apos;s charon in step with the assigned policy over its VICI socket: when charon starts, restarts or comes back after a crash, the agent notices within a few seconds and loads the project&apos;s connections and secrets again.</source>
        <translation>Der Agent hält außerdem charon von strongSwan über dessen VICI-Socket mit der zugewiesenen Richtlinie synchron: Wenn charon startet, neu startet oder nach einem Absturz wieder läuft, bemerkt der Agent dies innerhalb weniger Sekunden und lädt die Verbindungen und Geheimnisse des Projekts erneut.</translation>
    </message>
    <message>
        <source>the IKE daemon&apos;s (charon&apos;s) VICI socket (default: $IPSEC_CONSOLE_VICI, else /run/charon.vici)</source>
        <translation>VICI-Socket des IKE-Daemons (charon) (Standard: $IPSEC_CONSOLE_VICI, sonst /run/charon.vici)</translation>
    </message>
    <message>
        <source>enforce block and permit filters in the nftables table inet ipsec_console (nft, the default; XFRM keeps negotiate) or as XFRM policies (xfrm) (default: $IPSEC_CONSOLE_BACKEND)</source>
        <translation>Filter zum Blockieren und Zulassen in der nftables-Tabelle inet ipsec_console (nft, der Standard; negotiate bleibt bei XFRM) oder als XFRM-Richtlinien (xfrm) durchsetzen (Standard: $IPSEC_CONSOLE_BACKEND)</translation>
    </message>
    <message>
        <source>ask the domain&apos;s directory for this computer&apos;s IPsec policy at least every SECONDS (default 0: at the domain policy&apos;s own polling interval, else every 90 minutes)</source>
        <translation>das Verzeichnis der Domäne mindestens alle SECONDS Sekunden nach der IPsec-Richtlinie dieses Computers fragen (Standard 0: im Abrufintervall der Domänenrichtlinie, sonst alle 90 Minuten)</translation>
    </message>
    <message>
        <source>Domain policy</source>
        <translation>Domänenrichtlinie</translation>
    </message>
    <message>
        <source>On a member of an Active Directory domain the agent enforces the IPsec policy the domain&apos;s group policy assigns to this computer instead of the local one (dynamic filters still apply on top), checks for changes at the policy&apos;s polling interval, and keeps enforcing its cached copy while no domain controller answers.</source>
        <translation>Auf einem Mitglied einer Active Directory-Domäne setzt der Agent statt der lokalen die IPsec-Richtlinie durch, die die Gruppenrichtlinie der Domäne diesem Computer zuweist (dynamische Filter gelten zusätzlich), prüft im Abrufintervall der Richtlinie auf Änderungen und setzt weiterhin seine zwischengespeicherte Kopie durch, solange kein Domänencontroller antwortet.</translation>
    </message>
</context>
<context>
    <name>SaReport</name>
    <message>
        <source>Negotiation is unavailable: %1. Traffic that requires security is dropped until the IKE daemon runs.</source>
        <translation>Aushandlung ist nicht verfügbar: %1. Datenverkehr, der Sicherheit erfordert, wird verworfen, bis der IKE-Daemon läuft.</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>No main mode (IKE) security associations.</source>
        <translation>Keine Hauptmodus-Sicherheitszuordnungen (IKE).</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>Peer</source>
        <translation>Peer</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>IKE</source>
        <translation>IKE</translation>
    </message>
    <message>
        <source>Encryption</source>
        <translation>Verschlüsselung</translation>
    </message>
    <message>
        <source>Integrity</source>
        <translation>Integrität</translation>
    </message>
    <message>
        <source>DH group</source>
        <translation>DH-Gruppe</translation>
    </message>
    <message>
        <source>Established</source>
        <translation>Hergestellt</translation>
    </message>
    <message>
        <source>Rekey in</source>
        <translation>Neuer Schlüssel in</translation>
    </message>
    <message>
        <source> (foreign)</source>
        <translation> (fremd)</translation>
    </message>
    <message>
        <source>Main mode (IKE):</source>
        <translation>Hauptmodus (IKE):</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>SPI in/out</source>
        <translation>SPI ein/aus</translation>
    </message>
    <message>
        <source>Traffic</source>
        <translation>Datenverkehr</translation>
    </message>
    <message>
        <source>Expires in</source>
        <translation>Läuft ab in</translation>
    </message>
    <message>
        <source>Quick mode (IPsec):</source>
        <translation>Schnellmodus (IPsec):</translation>
    </message>
    <message>
        <source>No quick mode security associations (none negotiated, or the kernel could not install them).</source>
        <translation>Keine Schnellmodus-Sicherheitszuordnungen (keine ausgehandelt, oder der Kernel konnte sie nicht installieren).</translation>
    </message>
    <message>
        <source>IKE daemon (charon) at %1: %2 main mode (IKE) and %3 quick mode (IPsec) security association(s).</source>
        <translation>IKE-Daemon (charon) unter %1: %2 Sicherheitszuordnung(en) im Hauptmodus (IKE) und %3 im Schnellmodus (IPsec).</translation>
    </message>
</context>
<context>
    <name>SnapshotTool</name>
    <message>
        <source>%1 needs a value.</source>
        <translation>%1 benötigt einen Wert.</translation>
    </message>
    <message>
        <source>Unknown option &quot;%1&quot;.</source>
        <translation>Unbekannte Option &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Try &apos;%1 snapshot --help&apos; for more information.</source>
        <translation>&quot;%1 snapshot --help&quot; liefert weitere Informationen.</translation>
    </message>
    <message>
        <source>Usage: %1 snapshot export [FILE|-] [--format json|netsh|ipseccmd|html] [--policy NAME]

Writes the policy state: the store&apos;s policies, rules, filter lists and actions,
the assignment, the dynamic filters, the kernel&apos;s entries (as root), host, time
and program version. Without FILE (or with -) to standard output.
  --format F     json (default; lossless, for import), netsh (.cmd script),
                 ipseccmd (.sh script) or html (report); default from FILE&apos;s
                 extension (.json .cmd .bat .sh .html .htm)
  --policy NAME  only that policy and the lists and actions its rules use
</source>
        <translation>Aufruf: %1 snapshot export [FILE|-] [--format json|netsh|ipseccmd|html] [--policy NAME]

Schreibt den Richtlinienzustand: die Richtlinien, Regeln, Filterlisten und
Filteraktionen des Speichers, die Zuweisung, die dynamischen Filter, die Einträge
des Kernels (als root), Host, Zeit und Programmversion. Ohne FILE (oder mit -) auf
die Standardausgabe.
  --format F     json (Standard; verlustfrei, für den Import), netsh (.cmd-Skript),
                 ipseccmd (.sh-Skript) oder html (Bericht); Standard nach der
                 Endung von FILE (.json .cmd .bat .sh .html .htm)
  --policy NAME  nur diese Richtlinie und die Listen und Aktionen, die ihre Regeln
                 verwenden
</translation>
    </message>
    <message>
        <source>Usage: %1 snapshot import FILE [--replace|--merge] [--on-clash fail|rename|skip|overwrite] [--include-dynamic] [--dry-run]

Reads a JSON snapshot (refused as a whole, with the reason, when anything in it
is wrong) and changes the store in one step, enforced before it is kept.
  --merge            add the snapshot&apos;s objects; the same guid is the same object
                     (default)
  --replace          make the store hold exactly the snapshot, assignment included
  --on-clash RULE    an imported object named like another one: fail (default,
                     nothing changes), rename, skip (keep the existing one) or
                     overwrite
  --include-dynamic  also restore (replace) or add (merge) the dynamic filters
  --dry-run          show what would change, change nothing
</source>
        <translation>Aufruf: %1 snapshot import FILE [--replace|--merge] [--on-clash fail|rename|skip|overwrite] [--include-dynamic] [--dry-run]

Liest eine JSON-Momentaufnahme (als Ganzes abgelehnt, mit Angabe des Grundes, wenn
irgendetwas darin fehlerhaft ist) und ändert den Speicher in einem Schritt; die
Änderung wird durchgesetzt, bevor sie behalten wird.
  --merge            die Objekte der Momentaufnahme hinzufügen; dieselbe GUID ist
                     dasselbe Objekt (Standard)
  --replace          der Speicher enthält danach genau die Momentaufnahme,
                     einschließlich der Zuweisung
  --on-clash RULE    ein importiertes Objekt heißt wie ein anderes: fail (Standard,
                     nichts wird geändert), rename (umbenennen), skip (das
                     vorhandene behalten) oder overwrite (überschreiben)
  --include-dynamic  auch die dynamischen Filter wiederherstellen (replace) oder
                     hinzufügen (merge)
  --dry-run          anzeigen, was sich ändern würde, nichts ändern
</translation>
    </message>
    <message>
        <source>Usage: %1 snapshot diff A [B] [--json]

Compares snapshot A with snapshot B, or with the live state when B is not given:
objects added, removed and changed (field by field), the assignment, dynamic
filters and kernel entries. Exit status 0 when they are the same, 1 when they
differ, 2 and up on errors.
</source>
        <translation>Aufruf: %1 snapshot diff A [B] [--json]

Vergleicht die Momentaufnahme A mit der Momentaufnahme B oder, wenn B nicht
angegeben ist, mit dem aktuellen Zustand: hinzugefügte, entfernte und geänderte
Objekte (Feld für Feld), die Zuweisung, dynamische Filter und Kernel-Einträge.
Exit-Status 0, wenn sie gleich sind, 1, wenn sie sich unterscheiden, 2 und höher
bei Fehlern.
</translation>
    </message>
    <message>
        <source>Usage: %1 snapshot export [FILE|-] [--format F] [--policy NAME]
       %1 snapshot import FILE [--replace|--merge] [--on-clash RULE] [--dry-run]
       %1 snapshot diff A [B] [--json]

&apos;%1 snapshot COMMAND --help&apos; tells more.
</source>
        <translation>Aufruf: %1 snapshot export [FILE|-] [--format F] [--policy NAME]
        %1 snapshot import FILE [--replace|--merge] [--on-clash RULE] [--dry-run]
        %1 snapshot diff A [B] [--json]

&apos;%1 snapshot COMMAND --help&apos; liefert weitere Informationen.
</translation>
    </message>
    <message>
        <source>Unknown snapshot command &quot;%1&quot;: expected export, import or diff.</source>
        <translation>Unbekannter snapshot-Befehl &quot;%1&quot;: erwartet wird export, import oder diff.</translation>
    </message>
    <message>
        <source>export takes at most one FILE.</source>
        <translation>export akzeptiert höchstens eine Datei (FILE).</translation>
    </message>
    <message>
        <source>Cannot read standard input.</source>
        <translation>Die Standardeingabe kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is %2 bytes, more than the %3 MiB a snapshot may have.</source>
        <translation>%1 ist %2 Byte groß, mehr als die %3 MiB, die eine Momentaufnahme haben darf.</translation>
    </message>
    <message>
        <source>Give --replace or --merge, not both.</source>
        <translation>Geben Sie --replace oder --merge an, nicht beides.</translation>
    </message>
    <message>
        <source>import needs exactly one FILE.</source>
        <translation>import benötigt genau eine Datei (FILE).</translation>
    </message>
    <message>
        <source>note: %1</source>
        <translation>Hinweis: %1</translation>
    </message>
    <message>
        <source>diff needs one or two snapshot files.</source>
        <translation>diff benötigt eine oder zwei Dateien mit Momentaufnahmen.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Wrote %1 (readable by its owner only).</source>
        <translation>%1 wurde geschrieben (nur für den Eigentümer lesbar).</translation>
    </message>
</context>
<context>
    <name>UrgentLane</name>
    <message>
        <source>Refused %1: %2</source>
        <translation>%1 abgelehnt: %2</translation>
    </message>
    <message>
        <source>Invalid values: %1</source>
        <translation>Ungültige Werte: %1</translation>
    </message>
    <message>
        <source>The bus connection of %1 was closed (a message of more than %2 bytes?); connecting again.</source>
        <translation>Die Busverbindung von %1 wurde geschlossen (eine Nachricht mit mehr als %2 Bytes?); Verbindung wird erneut hergestellt.</translation>
    </message>
    <message>
        <source>No second bus connection for %1: %2</source>
        <translation>Keine zweite Busverbindung für %1: %2</translation>
    </message>
    <message>
        <source>Could not export %1 on the second bus connection: %2</source>
        <translation>%1 konnte auf der zweiten Busverbindung nicht exportiert werden: %2</translation>
    </message>
    <message>
        <source>taken</source>
        <translation>belegt</translation>
    </message>
    <message>
        <source>Could not own the bus name %1: %2 (Status and EmergencyUnassign are answered on %3 only; is the bus policy file installed?)</source>
        <translation>Der Busname %1 konnte nicht übernommen werden: %2 (Status und EmergencyUnassign werden nur auf %3 beantwortet; ist die Bus-Richtliniendatei installiert?)</translation>
    </message>
    <message>
        <source>%1 is owned by %2, uid %3, not by root: polkit is not asked.</source>
        <translation>%1 gehört %2, UID %3, nicht root: polkit wird nicht gefragt.</translation>
    </message>
    <message>
        <source>the caller&apos;s user could not be determined.</source>
        <translation>der Benutzer des Aufrufers konnte nicht ermittelt werden.</translation>
    </message>
    <message>
        <source>polkit could not be asked (%1).</source>
        <translation>polkit konnte nicht gefragt werden (%1).</translation>
    </message>
    <message>
        <source>polkit refused action %1.</source>
        <translation>polkit hat die Aktion %1 abgelehnt.</translation>
    </message>
</context>
<context>
    <name>ipsec::Address</name>
    <message>
        <source>&quot;%1&quot; is not an IPv4 or IPv6 address.</source>
        <translation>&quot;%1&quot; ist keine IPv4- oder IPv6-Adresse.</translation>
    </message>
    <message>
        <source>Prefix length %1 is out of range for %2 (0-%3).</source>
        <translation>Die Präfixlänge %1 liegt für %2 außerhalb des gültigen Bereichs (0-%3).</translation>
    </message>
    <message>
        <source>%1/0 has host bits set; a zero-length prefix matches any address, write 0.0.0.0/0 or *.</source>
        <translation>%1/0 hat gesetzte Host-Bits; ein Präfix der Länge null passt auf jede Adresse, schreiben Sie 0.0.0.0/0 oder *.</translation>
    </message>
    <message>
        <source>%1/%2 has host bits set; did you mean %3/%2?</source>
        <translation>%1/%2 hat gesetzte Host-Bits; meinten Sie %3/%2?</translation>
    </message>
    <message>
        <source>Mask %1 does not fit address %2.</source>
        <translation>Die Maske %1 passt nicht zur Adresse %2.</translation>
    </message>
    <message>
        <source>Mask %1 is not contiguous (its one bits must come first).</source>
        <translation>Die Maske %1 ist nicht zusammenhängend (ihre Einsen müssen zuerst kommen).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid DNS name.</source>
        <translation>&quot;%1&quot; ist kein gültiger DNS-Name.</translation>
    </message>
    <message>
        <source>Prefix length &quot;%1&quot; is out of range (0-%2).</source>
        <translation>Die Präfixlänge &quot;%1&quot; liegt außerhalb des gültigen Bereichs (0-%2).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a mask: expected a prefix length such as 24 or a dotted mask such as 255.255.255.0.</source>
        <translation>&quot;%1&quot; ist keine Maske: erwartet wird eine Präfixlänge wie 24 oder eine Maske in Punktschreibweise wie 255.255.255.0.</translation>
    </message>
    <message>
        <source>An address is empty.</source>
        <translation>Eine Adresse ist leer.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an IP address (a mask needs an address).</source>
        <translation>&quot;%1&quot; ist keine IP-Adresse (eine Maske benötigt eine Adresse).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid IPv6 address here: zone ids (%2) are not supported.</source>
        <translation>&quot;%1&quot; ist hier keine gültige IPv6-Adresse: Zonen-IDs (%2) werden nicht unterstützt.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid IPv6 address.</source>
        <translation>&quot;%1&quot; ist keine gültige IPv6-Adresse.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is an IPv4 address written as IPv6 (IPv4-mapped); the kernel would treat it as an IPv6 address that IPv4 traffic never matches. Write %2 instead.</source>
        <translation>&quot;%1&quot; ist eine als IPv6 geschriebene IPv4-Adresse (IPv4-mapped); der Kernel würde sie als IPv6-Adresse behandeln, auf die IPv4-Datenverkehr nie passt. Schreiben Sie stattdessen %2.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid IPv4 address: write four numbers from 0 to 255 separated by dots, as in 192.168.1.10.</source>
        <translation>&quot;%1&quot; ist keine gültige IPv4-Adresse: Schreiben Sie vier durch Punkte getrennte Zahlen von 0 bis 255, wie in 192.168.1.10.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is written in hexadecimal; write IPv4 addresses as four decimal numbers. Did you mean %2?</source>
        <translation>&quot;%1&quot; ist hexadezimal geschrieben; schreiben Sie IPv4-Adressen als vier Dezimalzahlen. Meinten Sie %2?</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has numbers with leading zeros, which some programs read as octal; it is refused rather than guessed. Did you mean %2?</source>
        <translation>&quot;%1&quot; enthält Zahlen mit führenden Nullen, die manche Programme als Oktalzahlen lesen; die Angabe wird abgelehnt statt geraten. Meinten Sie %2?</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a mask: expected a prefix length such as 24 (digits only, no spaces or signs) or a dotted mask such as 255.255.255.0.</source>
        <translation>&quot;%1&quot; ist keine Maske: erwartet wird eine Präfixlänge wie 24 (nur Ziffern, ohne Leerzeichen oder Vorzeichen) oder eine Maske in Punktschreibweise wie 255.255.255.0.</translation>
    </message>
    <message>
        <source>&lt;DNS Servers&gt;</source>
        <translation>&lt;DNS-Server&gt;</translation>
    </message>
    <message>
        <source>&lt;DHCP Server&gt;</source>
        <translation>&lt;DHCP-Server&gt;</translation>
    </message>
    <message>
        <source>&lt;Default Gateway&gt;</source>
        <translation>&lt;Standardgateway&gt;</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a server type; expected &lt;DNS&gt;, &lt;DHCP&gt; or &lt;GATEWAY&gt;.</source>
        <translation>„%1“ ist kein Servertyp; erwartet wird &lt;DNS&gt;, &lt;DHCP&gt; oder &lt;GATEWAY&gt;.</translation>
    </message>
</context>
<context>
    <name>ipsec::AgentClient</name>
    <message>
        <source>No D-Bus connection: %1</source>
        <translation>Keine D-Bus-Verbindung: %1</translation>
    </message>
    <message>
        <source>The policy agent (%1) is not running.</source>
        <translation>Der Richtlinien-Agent (%1) läuft nicht.</translation>
    </message>
    <message>
        <source>The policy agent gave no answer to %1.</source>
        <translation>Der Richtlinien-Agent hat nicht auf %1 geantwortet.</translation>
    </message>
    <message>
        <source>The policy agent sent a snapshot that is not JSON: %1</source>
        <translation>Der Richtlinien-Agent hat eine Momentaufnahme gesendet, die kein JSON ist: %1</translation>
    </message>
    <message>
        <source>The policy agent sent dynamic main mode and quick mode policies that cannot be read.</source>
        <translation>Der Richtlinienagent hat dynamische Hauptmodus- und Schnellmodusrichtlinien gesendet, die nicht gelesen werden können.</translation>
    </message>
</context>
<context>
    <name>ipsec::AgentProtocol</name>
    <message>
        <source>The D-Bus policy refused the call to the policy agent: %1</source>
        <translation>Die D-Bus-Richtlinie hat den Aufruf des Richtlinien-Agenten abgelehnt: %1</translation>
    </message>
    <message>
        <source>The policy agent could not be reached (%1): %2</source>
        <translation>Der Richtlinien-Agent ist nicht erreichbar (%1): %2</translation>
    </message>
    <message>
        <source>Option &quot;%1&quot; must be of D-Bus type %2.</source>
        <translation>Die Option &quot;%1&quot; muss vom D-Bus-Typ %2 sein.</translation>
    </message>
    <message>
        <source>A confirmation deadline of %1 seconds is longer than a day.</source>
        <translation>Eine Bestätigungsfrist von %1 Sekunden ist länger als ein Tag.</translation>
    </message>
    <message>
        <source>Option &quot;sshConnection&quot; is too long.</source>
        <translation>Die Option &quot;sshConnection&quot; ist zu lang.</translation>
    </message>
    <message>
        <source>Unknown option &quot;%1&quot;; known: confirmWithin, force, sshConnection, dryRun, lineByLine.</source>
        <translation>Unbekannte Option &quot;%1&quot;; bekannt sind: confirmWithin, force, sshConnection, dryRun, lineByLine.</translation>
    </message>
</context>
<context>
    <name>ipsec::AuthMethod</name>
    <message>
        <source>&quot;%1&quot; is not an authentication method: expected KERBEROS, PRESHARE:&quot;key&quot; or CERT:&quot;CA name&quot;.</source>
        <translation>&quot;%1&quot; ist keine Authentifizierungsmethode: erwartet wird KERBEROS, PRESHARE:&quot;Schlüssel&quot; oder CERT:&quot;Name der Zertifizierungsstelle&quot;.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; needs a value after the colon.</source>
        <translation>&quot;%1&quot; benötigt nach dem Doppelpunkt einen Wert.</translation>
    </message>
</context>
<context>
    <name>ipsec::ClientFactory</name>
    <message>
        <source>the policy agent serves network namespace &quot;%1&quot;, not &quot;%2&quot;</source>
        <translation>der Richtlinien-Agent bedient den Netzwerk-Namespace &quot;%1&quot;, nicht &quot;%2&quot;</translation>
    </message>
    <message>
        <source>the policy agent serves the store %1</source>
        <translation>der Richtlinien-Agent bedient den Speicher %1</translation>
    </message>
    <message>
        <source>the policy agent enforces with the IKE exemption %1</source>
        <translation>der Richtlinien-Agent setzt die Richtlinie mit IKE-Ausnahme %1 durch</translation>
    </message>
    <message>
        <source>Not using the policy agent: %1.</source>
        <translation>Der Richtlinien-Agent wird nicht verwendet: %1.</translation>
    </message>
    <message>
        <source>The policy agent did not answer (%1); done in this process instead.</source>
        <translation>Der Richtlinien-Agent hat nicht geantwortet (%1); stattdessen in diesem Prozess ausgeführt.</translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation>(unbekannt)</translation>
    </message>
    <message>
        <source>--backend %1 conflicts with the policy agent, which enforces with --backend %2 in this network namespace. Leave out --backend (the agent&apos;s backend applies), or restart ipsec-policyd with --backend %1 (or IPSEC_CONSOLE_BACKEND=%1) to change it.</source>
        <translation>--backend %1 steht im Konflikt mit dem Richtlinienagenten, der in diesem Netzwerk-Namespace mit --backend %2 durchsetzt. Lassen Sie --backend weg (dann gilt das Backend des Agenten), oder starten Sie ipsec-policyd mit --backend %1 (oder IPSEC_CONSOLE_BACKEND=%1) neu, um es zu ändern.</translation>
    </message>
</context>
<context>
    <name>ipsec::ConfirmationGuard</name>
    <message>
        <source>No change is waiting for confirmation.</source>
        <translation>Keine Änderung wartet auf Bestätigung.</translation>
    </message>
    <message>
        <source>The changes are kept.</source>
        <translation>Die Änderungen werden beibehalten.</translation>
    </message>
    <message>
        <source>The changes were not confirmed in time and were rolled back.</source>
        <translation>Die Änderungen wurden nicht rechtzeitig bestätigt und wurden rückgängig gemacht.</translation>
    </message>
    <message>
        <source>The changes were not confirmed in time, but rolling them back failed: %1</source>
        <translation>Die Änderungen wurden nicht rechtzeitig bestätigt, aber das Rückgängigmachen ist fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>ipsec::Enforcer</name>
    <message>
        <source>A filter of rule &quot;%1&quot; is shadowed by rule &quot;%2&quot; (same traffic, the more restrictive action wins).</source>
        <translation>Ein Filter der Regel &quot;%1&quot; wird von der Regel &quot;%2&quot; verdeckt (gleicher Datenverkehr, die restriktivere Aktion gewinnt).</translation>
    </message>
    <message>
        <source>(dynamic)</source>
        <translation>(dynamisch)</translation>
    </message>
    <message>
        <source>Restoring the previous kernel state failed too: %1</source>
        <translation>Auch das Wiederherstellen des vorherigen Kernel-Zustands ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>The previous kernel state is back.</source>
        <translation>Der vorherige Kernel-Zustand ist wiederhergestellt.</translation>
    </message>
    <message>
        <source>Traffic that requires security passes only through IPsec security associations negotiated by the IKE daemon (strongSwan charon); until one exists it is dropped, never sent or accepted in clear text.</source>
        <translation>Datenverkehr, der Sicherheit erfordert, passiert nur über IPsec-Sicherheitszuordnungen, die vom IKE-Daemon (strongSwan charon) ausgehandelt wurden; solange keine existiert, wird er verworfen und niemals im Klartext gesendet oder angenommen.</translation>
    </message>
    <message>
        <source>Traffic that requests security passes in clear text until the IKE daemon (strongSwan charon) negotiates a security association.</source>
        <translation>Datenverkehr, der Sicherheit anfordert, passiert im Klartext, bis der IKE-Daemon (strongSwan charon) eine Sicherheitszuordnung aushandelt.</translation>
    </message>
    <message>
        <source>The previous nftables table is back.</source>
        <translation>Die vorherige nftables-Tabelle ist wiederhergestellt.</translation>
    </message>
    <message>
        <source>Restoring the previous nftables table failed too: %1</source>
        <translation>Auch das Wiederherstellen der vorherigen nftables-Tabelle ist fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>ipsec::Filter</name>
    <message>
        <source>A port is given but protocol %1 has no ports; ports need TCP or UDP.</source>
        <translation>Ein Port ist angegeben, aber das Protokoll %1 hat keine Ports; Ports erfordern TCP oder UDP.</translation>
    </message>
    <message>
        <source>Source and destination are both &quot;me&quot;; one side must be another host.</source>
        <translation>Quelle und Ziel sind beide &quot;Eigene IP-Adresse&quot;; eine Seite muss ein anderer Host sein.</translation>
    </message>
    <message>
        <source>Source %1 and destination %2 mix IPv4 and IPv6.</source>
        <translation>Quelle %1 und Ziel %2 mischen IPv4 und IPv6.</translation>
    </message>
    <message>
        <source>The description is longer than 1024 characters.</source>
        <translation>Die Beschreibung ist länger als 1024 Zeichen.</translation>
    </message>
</context>
<context>
    <name>ipsec::FilterAction</name>
    <message>
        <source>Filter action &quot;%1&quot; negotiates security but offers no security method.</source>
        <translation>Die Filteraktion &quot;%1&quot; handelt Sicherheit aus, bietet aber keine Sicherheitsmethode an.</translation>
    </message>
    <message>
        <source>Filter action &quot;%1&quot;: pass-through, fallback and PFS apply only to Negotiate.</source>
        <translation>Filteraktion &quot;%1&quot;: Passthrough, Fallback und PFS gelten nur für &quot;Sicherheit aushandeln&quot;.</translation>
    </message>
    <message>
        <source>Filter action &quot;%1&quot; offers more than 16 security methods.</source>
        <translation>Die Filteraktion &quot;%1&quot; bietet mehr als 16 Sicherheitsmethoden an.</translation>
    </message>
    <message>
        <source>Filter action &quot;%1&quot;: %2</source>
        <translation>Filteraktion &quot;%1&quot;: %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a filter action type: expected permit, block or negotiate.</source>
        <translation>&quot;%1&quot; ist kein Filteraktionstyp: erwartet wird permit, block oder negotiate.</translation>
    </message>
</context>
<context>
    <name>ipsec::FilterList</name>
    <message>
        <source>Filter %1: %2</source>
        <translation>Filter %1: %2</translation>
    </message>
</context>
<context>
    <name>ipsec::HtmlReportWriter</name>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>any</source>
        <translation>beliebig</translation>
    </message>
    <message>
        <source>IPsec policy snapshot of %1</source>
        <translation>IPsec-Richtlinien-Momentaufnahme von %1</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>Aufgenommen</translation>
    </message>
    <message>
        <source>Program version</source>
        <translation>Programmversion</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <source>Network namespace</source>
        <translation>Netzwerk-Namespace</translation>
    </message>
    <message>
        <source>(the machine&apos;s own)</source>
        <translation>(der des Rechners)</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Umfang</translation>
    </message>
    <message>
        <source>the whole store</source>
        <translation>der ganze Speicher</translation>
    </message>
    <message>
        <source>policy &quot;%1&quot;</source>
        <translation>Richtlinie &quot;%1&quot;</translation>
    </message>
    <message>
        <source>Assigned policy</source>
        <translation>Zugewiesene Richtlinie</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>Policies</source>
        <translation>Richtlinien</translation>
    </message>
    <message>
        <source>No policies.</source>
        <translation>Keine Richtlinien.</translation>
    </message>
    <message>
        <source>assigned</source>
        <translation>zugewiesen</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Polling interval</source>
        <translation>Abrufintervall</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n Minute</numerusform>
            <numerusform>%n Minuten</numerusform>
        </translation>
    </message>
    <message>
        <source>Last modified</source>
        <translation>Zuletzt geändert</translation>
    </message>
    <message>
        <source>Guid</source>
        <translation>GUID</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Filter list</source>
        <translation>Filterliste</translation>
    </message>
    <message>
        <source>Filter action</source>
        <translation>Filteraktion</translation>
    </message>
    <message>
        <source>Tunnel endpoint</source>
        <translation>Tunnelendpunkt</translation>
    </message>
    <message>
        <source>Connection type</source>
        <translation>Verbindungstyp</translation>
    </message>
    <message>
        <source>Authentication</source>
        <translation>Authentifizierung</translation>
    </message>
    <message>
        <source>Default response rule</source>
        <translation>Standardantwortregel</translation>
    </message>
    <message>
        <source>none (transport)</source>
        <translation>keiner (Transportmodus)</translation>
    </message>
    <message>
        <source>No rules.</source>
        <translation>Keine Regeln.</translation>
    </message>
    <message>
        <source>Filter lists</source>
        <translation>Filterlisten</translation>
    </message>
    <message>
        <source>No filter lists.</source>
        <translation>Keine Filterlisten.</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Src Port</source>
        <translation>Quellport</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Dst Port</source>
        <translation>Zielport</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Mirrored</source>
        <translation>Gespiegelt</translation>
    </message>
    <message>
        <source>No filters.</source>
        <translation>Keine Filter.</translation>
    </message>
    <message>
        <source>Filter actions</source>
        <translation>Filteraktionen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Accept unsecured inbound</source>
        <translation>Unsichere eingehende Kommunikation annehmen</translation>
    </message>
    <message>
        <source>Fall back to clear</source>
        <translation>Auf unsichere Kommunikation zurückgreifen</translation>
    </message>
    <message>
        <source>Session key PFS</source>
        <translation>PFS für Sitzungsschlüssel</translation>
    </message>
    <message>
        <source>Security methods</source>
        <translation>Sicherheitsmethoden</translation>
    </message>
    <message>
        <source>No filter actions.</source>
        <translation>Keine Filteraktionen.</translation>
    </message>
    <message>
        <source>Dynamic filters</source>
        <translation>Dynamische Filter</translation>
    </message>
    <message>
        <source>Spec</source>
        <translation>Filterangabe</translation>
    </message>
    <message>
        <source>No dynamic filters.</source>
        <translation>Keine dynamischen Filter.</translation>
    </message>
    <message>
        <source>Kernel</source>
        <translation>Kernel</translation>
    </message>
    <message>
        <source>Not recorded (reading the kernel&apos;s IPsec policy needs root).</source>
        <translation>Nicht aufgezeichnet (das Lesen der IPsec-Richtlinie des Kernels erfordert root).</translation>
    </message>
    <message>
        <source>%1 entries of this program, %2 of other programs; %3.</source>
        <translation>%1 Einträge dieses Programms, %2 anderer Programme; %3.</translation>
    </message>
    <message>
        <source>in sync with the policy</source>
        <translation>synchron mit der Richtlinie</translation>
    </message>
    <message>
        <source>NOT in sync with the policy</source>
        <translation>NICHT synchron mit der Richtlinie</translation>
    </message>
</context>
<context>
    <name>ipsec::IkeSync</name>
    <message>
        <source>Negotiation is unavailable: %1. Traffic that requires security is dropped (never passed in clear text) until the IKE daemon runs; traffic that only requests it passes in clear.</source>
        <translation>Aushandlung ist nicht verfügbar: %1. Datenverkehr, der Sicherheit erfordert, wird verworfen (niemals im Klartext durchgelassen), bis der IKE-Daemon läuft; Datenverkehr, der sie nur anfordert, passiert im Klartext.</translation>
    </message>
    <message>
        <source>The IKE daemon&apos;s connections of this tool could not be unloaded: %1</source>
        <translation>Die Verbindungen dieses Tools im IKE-Daemon konnten nicht entladen werden: %1</translation>
    </message>
    <message>
        <source>Certificate authentication: the IKE daemon holds no certificate with its private key for this computer; load them (e.g. swanctl --load-creds).</source>
        <translation>Zertifikatauthentifizierung: Der IKE-Daemon besitzt kein Zertifikat mit privatem Schlüssel für diesen Computer; laden Sie diese (z. B. swanctl --load-creds).</translation>
    </message>
</context>
<context>
    <name>ipsec::IpsecCmdScriptWriter</name>
    <message>
        <source>IPsec Policy Console snapshot of %1, taken %2 by version %3.</source>
        <translation>Momentaufnahme der IPsec Policy Console von %1, aufgenommen am %2 von Version %3.</translation>
    </message>
    <message>
        <source>Recreates the policies and rules with ipseccmd static mode; one line per rule.</source>
        <translation>Erstellt die Richtlinien und Regeln mit dem statischen Modus von ipseccmd neu; eine Zeile pro Regel.</translation>
    </message>
    <message>
        <source>Policy &quot;%1&quot;</source>
        <translation>Richtlinie &quot;%1&quot;</translation>
    </message>
    <message>
        <source>Description: %1</source>
        <translation>Beschreibung: %1</translation>
    </message>
    <message>
        <source>Default response rule: %1.</source>
        <translation>Standardantwortregel: %1.</translation>
    </message>
    <message>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>inactive</source>
        <translation>inaktiv</translation>
    </message>
    <message>
        <source>Rule &quot;%1&quot; is inactive; ipseccmd cannot create an inactive rule.</source>
        <translation>Die Regel &quot;%1&quot; ist inaktiv; ipseccmd kann keine inaktive Regel erstellen.</translation>
    </message>
    <message>
        <source>Rule &quot;%1&quot;: its filter list &quot;%2&quot; is empty; ipseccmd needs filters.</source>
        <translation>Regel &quot;%1&quot;: Ihre Filterliste &quot;%2&quot; ist leer; ipseccmd benötigt Filter.</translation>
    </message>
    <message>
        <source>Rule &quot;%1&quot;: filter list &quot;%2&quot;, filter action &quot;%3&quot;.</source>
        <translation>Regel &quot;%1&quot;: Filterliste &quot;%2&quot;, Filteraktion &quot;%3&quot;.</translation>
    </message>
    <message>
        <source>No rule of this policy can be written as an ipseccmd line.</source>
        <translation>Keine Regel dieser Richtlinie kann als ipseccmd-Zeile geschrieben werden.</translation>
    </message>
    <message>
        <source>Assignment</source>
        <translation>Zuweisung</translation>
    </message>
    <message>
        <source>Dynamic filters in force (lost at reboot); remove the # to add them:</source>
        <translation>Wirksame dynamische Filter (gehen beim Neustart verloren); entfernen Sie das #, um sie hinzuzufügen:</translation>
    </message>
    <message>
        <source>Kernel entries enforced when the snapshot was taken:</source>
        <translation>Beim Aufnehmen der Momentaufnahme durchgesetzte Kernel-Einträge:</translation>
    </message>
</context>
<context>
    <name>ipsec::MainModeMethod</name>
    <message>
        <source>&quot;%1&quot; is not a main mode security method (CIPHER-HASH-GROUP, e.g. 3DES-SHA1-2).</source>
        <translation>&quot;%1&quot; ist keine Hauptmodus-Sicherheitsmethode (CIPHER-HASH-GROUP, z. B. 3DES-SHA1-2).</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: Diffie-Hellman group %2 is not available (1, 2 or 3 = 2048 bits).</source>
        <translation>&quot;%1&quot;: Diffie-Hellman-Gruppe %2 ist nicht verfügbar (1, 2 oder 3 = 2048 Bit).</translation>
    </message>
</context>
<context>
    <name>ipsec::Names</name>
    <message>
        <source>filter action</source>
        <translation>Filteraktion</translation>
    </message>
    <message>
        <source>filter list</source>
        <translation>Filterliste</translation>
    </message>
    <message>
        <source>The %1 name is empty.</source>
        <translation>Der Name der %1 ist leer.</translation>
    </message>
    <message>
        <source>The %1 name &quot;%2&quot; begins or ends with white space.</source>
        <translation>Der Name der %1, &quot;%2&quot;, beginnt oder endet mit Leerraum.</translation>
    </message>
    <message>
        <source>The %1 name is longer than %2 characters.</source>
        <translation>Der Name der %1 ist länger als %2 Zeichen.</translation>
    </message>
    <message>
        <source>The %1 name &quot;%2&quot; contains a control character.</source>
        <translation>Der Name der %1, &quot;%2&quot;, enthält ein Steuerzeichen.</translation>
    </message>
    <message>
        <source>policy</source>
        <translation>Richtlinie</translation>
    </message>
    <message>
        <source>rule</source>
        <translation>Regel</translation>
    </message>
</context>
<context>
    <name>ipsec::NetNamespace</name>
    <message>
        <source>&quot;%1&quot; is not a network namespace name (letters, digits, &apos;.&apos;, &apos;_&apos;, &apos;-&apos;).</source>
        <translation>&quot;%1&quot; ist kein Name für einen Netzwerk-Namespace (Buchstaben, Ziffern, &apos;.&apos;, &apos;_&apos;, &apos;-&apos;).</translation>
    </message>
    <message>
        <source>Network namespace &quot;%1&quot; does not exist (no %2); create it with: ip netns add %1</source>
        <translation>Der Netzwerk-Namespace &quot;%1&quot; existiert nicht (kein %2); erstellen Sie ihn mit: ip netns add %1</translation>
    </message>
    <message>
        <source>Cannot open network namespace %1: %2</source>
        <translation>Der Netzwerk-Namespace %1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Cannot enter network namespace &quot;%1&quot;: %2 (root is needed).</source>
        <translation>Der Netzwerk-Namespace &quot;%1&quot; kann nicht betreten werden: %2 (root ist erforderlich).</translation>
    </message>
</context>
<context>
    <name>ipsec::NetshDynamicRules</name>
    <message>
        <source>dynamic tunnel rules (tunneldstaddress=) are not supported; use a static rule with tunnel=.</source>
        <translation>dynamische Tunnelregeln (tunneldstaddress=) werden nicht unterstützt; verwenden Sie eine statische Regel mit tunnel=.</translation>
    </message>
    <message>
        <source>actioninbound and actionoutbound differ, but with mirrored=no and neither address &quot;me&quot; only one direction exists; use mirrored=yes or the same action.</source>
        <translation>actioninbound und actionoutbound unterscheiden sich, aber mit mirrored=no und ohne &quot;me&quot; als Adresse gibt es nur eine Richtung; verwenden Sie mirrored=yes oder dieselbe Aktion.</translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n dynamic filter(s).</source>
        <translation>
            <numerusform>%n dynamischer Filter gelöscht.</numerusform>
            <numerusform>%n dynamische Filter gelöscht.</numerusform>
        </translation>
    </message>
    <message>
        <source>A dynamic rule for this traffic already exists; change it with &quot;set rule&quot; or delete it first.</source>
        <translation>Für diesen Datenverkehr existiert bereits eine dynamische Regel; ändern Sie sie mit &quot;set rule&quot; oder löschen Sie sie zuerst.</translation>
    </message>
    <message>
        <source>Added dynamic %1 filter %2 -&gt; %3.</source>
        <translation>Dynamischer Filter %2 -&gt; %3 hinzugefügt (%1).</translation>
    </message>
    <message>
        <source>No dynamic rule matches %1 -&gt; %2 with these fields.</source>
        <translation>Keine dynamische Regel %1 -&gt; %2 passt zu diesen Feldern.</translation>
    </message>
    <message>
        <source>Changed dynamic rule %1 -&gt; %2.</source>
        <translation>Dynamische Regel %1 -&gt; %2 geändert.</translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n dynamic filter(s) of %1 -&gt; %2.</source>
        <translation>
            <numerusform>%n dynamischer Filter von %1 -&gt; %2 gelöscht.</numerusform>
            <numerusform>%n dynamische Filter von %1 -&gt; %2 gelöscht.</numerusform>
        </translation>
    </message>
    <message>
        <source>Deleted %1 dynamic main mode and %2 quick mode policies.</source>
        <translation>%1 dynamische Hauptmodus- und %2 Schnellmodusrichtlinien gelöscht.</translation>
    </message>
    <message>
        <source>%1: conntype does not apply to dynamic filters and is not stored.</source>
        <translation>%1: conntype gilt nicht für dynamische Filter und wird nicht gespeichert.</translation>
    </message>
    <message>
        <source>%1: mmpolicy=, qmpolicy= and authentication methods apply only when an action is negotiate; not stored.</source>
        <translation>%1: mmpolicy=, qmpolicy= und Authentifizierungsmethoden gelten nur, wenn die Aktion negotiate ist; nicht gespeichert.</translation>
    </message>
    <message>
        <source>mmpolicy=%1: there is no dynamic main mode policy of this name; add it first (netsh ipsec dynamic add mmpolicy name=%1).</source>
        <translation>mmpolicy=%1: Es gibt keine dynamische Hauptmodusrichtlinie dieses Namens; fügen Sie sie zuerst hinzu (netsh ipsec dynamic add mmpolicy name=%1).</translation>
    </message>
    <message>
        <source>qmpolicy=%1: there is no dynamic quick mode policy of this name; add it first (netsh ipsec dynamic add qmpolicy name=%1).</source>
        <translation>qmpolicy=%1: Es gibt keine dynamische Schnellmodusrichtlinie dieses Namens; fügen Sie sie zuerst hinzu (netsh ipsec dynamic add qmpolicy name=%1).</translation>
    </message>
    <message>
        <source>There is no dynamic main mode policy named &quot;%1&quot;.</source>
        <translation>Es gibt keine dynamische Hauptmodusrichtlinie namens &quot;%1&quot;.</translation>
    </message>
    <message numerus="yes">
        <source>The dynamic main mode policy &quot;%1&quot; is used by %n dynamic rule(s); delete them or give them another mmpolicy= first.</source>
        <translation>
            <numerusform>Die dynamische Hauptmodusrichtlinie &quot;%1&quot; wird von %n dynamischen Regel(n) verwendet; löschen Sie diese zuerst, oder weisen Sie ihnen zuerst ein anderes mmpolicy= zu.</numerusform>
            <numerusform>Die dynamische Hauptmodusrichtlinie &quot;%1&quot; wird von %n dynamischen Regel(n) verwendet; löschen Sie diese zuerst, oder weisen Sie ihnen zuerst ein anderes mmpolicy= zu.</numerusform>
        </translation>
    </message>
    <message>
        <source>The dynamic main mode policy &quot;%1&quot; is used by dynamic rules and stays.</source>
        <translation>Die dynamische Hauptmodusrichtlinie &quot;%1&quot; wird von dynamischen Regeln verwendet und bleibt erhalten.</translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n dynamic main mode policy(s).</source>
        <translation>
            <numerusform>%n dynamische Hauptmodusrichtlinie(n) gelöscht.</numerusform>
            <numerusform>%n dynamische Hauptmodusrichtlinie(n) gelöscht.</numerusform>
        </translation>
    </message>
    <message>
        <source>A dynamic main mode policy named &quot;%1&quot; already exists; change it with &quot;set mmpolicy&quot; or delete it first.</source>
        <translation>Eine dynamische Hauptmodusrichtlinie namens &quot;%1&quot; ist bereits vorhanden; ändern Sie sie mit &quot;set mmpolicy&quot;, oder löschen Sie sie zuerst.</translation>
    </message>
    <message>
        <source>name=%1: a main mode policy needs a name other than &quot;all&quot;.</source>
        <translation>name=%1: Eine Hauptmodusrichtlinie benötigt einen anderen Namen als &quot;all&quot;.</translation>
    </message>
    <message>
        <source>Added dynamic main mode policy &quot;%1&quot; (%2).</source>
        <translation>Dynamische Hauptmodusrichtlinie &quot;%1&quot; hinzugefügt (%2).</translation>
    </message>
    <message>
        <source>Changed dynamic main mode policy &quot;%1&quot;.</source>
        <translation>Dynamische Hauptmodusrichtlinie &quot;%1&quot; geändert.</translation>
    </message>
    <message>
        <source>There is no dynamic quick mode policy named &quot;%1&quot;.</source>
        <translation>Es gibt keine dynamische Schnellmodusrichtlinie namens &quot;%1&quot;.</translation>
    </message>
    <message numerus="yes">
        <source>The dynamic quick mode policy &quot;%1&quot; is used by %n dynamic rule(s); delete them or give them another qmpolicy= first.</source>
        <translation>
            <numerusform>Die dynamische Schnellmodusrichtlinie &quot;%1&quot; wird von %n dynamischen Regel(n) verwendet; löschen Sie diese, oder weisen Sie ihnen zuerst eine andere qmpolicy= zu.</numerusform>
            <numerusform>Die dynamische Schnellmodusrichtlinie &quot;%1&quot; wird von %n dynamischen Regel(n) verwendet; löschen Sie diese, oder weisen Sie ihnen zuerst eine andere qmpolicy= zu.</numerusform>
        </translation>
    </message>
    <message>
        <source>The dynamic quick mode policy &quot;%1&quot; is used by dynamic rules and stays.</source>
        <translation>Die dynamische Schnellmodusrichtlinie &quot;%1&quot; wird von dynamischen Regeln verwendet und bleibt erhalten.</translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n dynamic quick mode policy(s).</source>
        <translation>
            <numerusform>%n dynamische Schnellmodusrichtlinie(n) gelöscht.</numerusform>
            <numerusform>%n dynamische Schnellmodusrichtlinie(n) gelöscht.</numerusform>
        </translation>
    </message>
    <message>
        <source>A dynamic quick mode policy named &quot;%1&quot; already exists; change it with &quot;set qmpolicy&quot; or delete it first.</source>
        <translation>Eine dynamische Schnellmodusrichtlinie mit dem Namen &quot;%1&quot; ist bereits vorhanden; ändern Sie sie mit &quot;set qmpolicy&quot;, oder löschen Sie sie zuerst.</translation>
    </message>
    <message>
        <source>name=%1: a quick mode policy needs a name other than &quot;all&quot;.</source>
        <translation>name=%1: Eine Schnellmodusrichtlinie benötigt einen anderen Namen als &quot;all&quot;.</translation>
    </message>
    <message>
        <source>Added dynamic quick mode policy &quot;%1&quot; (%2).</source>
        <translation>Dynamische Schnellmodusrichtlinie &quot;%1&quot; hinzugefügt (%2).</translation>
    </message>
    <message>
        <source>Changed dynamic quick mode policy &quot;%1&quot;.</source>
        <translation>Dynamische Schnellmodusrichtlinie &quot;%1&quot; geändert.</translation>
    </message>
    <message>
        <source>value=%1: %2 takes a whole number from %3 to %4.</source>
        <translation>value=%1: %2 erwartet eine ganze Zahl von %3 bis %4.</translation>
    </message>
    <message>
        <source>strongcrlcheck=2: certificate authentication fails on any revocation checking error (charon revocation = strict).</source>
        <translation>strongcrlcheck=2: Die Zertifikatauthentifizierung schlägt bei jedem Fehler der Sperrüberprüfung fehl (charon revocation = strict).</translation>
    </message>
    <message>
        <source>strongcrlcheck=%1: certificate authentication fails only for a revoked certificate (charon revocation = relaxed; strongSwan always refuses a certificate it knows to be revoked).</source>
        <translation>strongcrlcheck=%1: Die Zertifikatauthentifizierung schlägt nur bei einem gesperrten Zertifikat fehl (charon revocation = relaxed; strongSwan lehnt ein Zertifikat, von dem es weiß, dass es gesperrt ist, immer ab).</translation>
    </message>
    <message>
        <source>ikelogging=%1: noted. charon&apos;s IKE log is set in its own configuration (charon.filelog in strongswan.conf); &apos;swanctl --log&apos; follows it live.</source>
        <translation>ikelogging=%1: zur Kenntnis genommen. Das IKE-Protokoll von charon wird in dessen eigener Konfiguration festgelegt (charon.filelog in strongswan.conf); &apos;swanctl --log&apos; verfolgt es live.</translation>
    </message>
    <message>
        <source>ipsecdiagnostics=%1: noted. The kernel counts dropped IPsec packets (netsh ipsec dynamic show stats) but logs none.</source>
        <translation>ipsecdiagnostics=%1: zur Kenntnis genommen. Der Kernel zählt verworfene IPsec-Pakete (netsh ipsec dynamic show stats), protokolliert aber keine.</translation>
    </message>
    <message>
        <source>ipsecloginterval=%1: noted; nothing is logged periodically here.</source>
        <translation>ipsecloginterval=%1: zur Kenntnis genommen; hier wird nichts periodisch protokolliert.</translation>
    </message>
    <message>
        <source>ipsecexempt=3: in force: only IKE (UDP 500 and 4500) is exempt.</source>
        <translation>ipsecexempt=3: in Kraft: Nur IKE (UDP 500 und 4500) ist ausgenommen.</translation>
    </message>
    <message>
        <source>ipsecexempt=%1: accepted, not changed: only IKE (UDP 500 and 4500) is exempt here, as ipsecexempt=3; Kerberos, RSVP, multicast and broadcast exemptions do not exist.</source>
        <translation>ipsecexempt=%1: akzeptiert, nicht geändert: Hier ist nur IKE (UDP 500 und 4500) ausgenommen, wie bei ipsecexempt=3; Ausnahmen für Kerberos, RSVP, Multicast und Broadcast gibt es nicht.</translation>
    </message>
    <message>
        <source>value=%1: bootmode takes stateful, block or permit.</source>
        <translation>value=%1: bootmode erwartet stateful, block oder permit.</translation>
    </message>
    <message>
        <source>bootmode=%1: accepted, not changed: the dynamic store is lost when the agent restarts, so a start-up setting cannot live in it; the agent enforces the assigned policy as soon as it starts.</source>
        <translation>bootmode=%1: akzeptiert, nicht geändert: Der dynamische Speicher geht verloren, wenn der Agent neu startet, daher kann eine Starteinstellung nicht darin gespeichert werden; der Agent erzwingt die zugewiesene Richtlinie, sobald er startet.</translation>
    </message>
    <message>
        <source>%1: accepted, not changed: there is no start-up mode here (see bootmode).</source>
        <translation>%1: akzeptiert, nicht geändert: Hier gibt es keinen Startmodus (siehe bootmode).</translation>
    </message>
</context>
<context>
    <name>ipsec::NetshRunner</name>
    <message>
        <source>%1: not stored (%2): main-mode (IKE) settings belong to the IKE daemon, which this program does not configure.</source>
        <translation>%1: nicht gespeichert (%2): Hauptmodus-Einstellungen (IKE) gehören zum IKE-Dienst, den dieses Programm nicht konfiguriert.</translation>
    </message>
    <message>
        <source>%1: certificate options %2 are not stored; only the CA name is.</source>
        <translation>%1: Die Zertifikatoptionen %2 werden nicht gespeichert, nur der Name der Zertifizierungsstelle.</translation>
    </message>
    <message>
        <source>importpolicy: importing policy files is done by &apos;ipseccmd snapshot import %1&apos;; nothing was changed.</source>
        <translation>importpolicy: Richtliniendateien werden mit &apos;ipseccmd snapshot import %1&apos; importiert; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>set store location=%1: only the local store is available here (no directory or persistent store); use location=local.</source>
        <translation>set store location=%1: Hier ist nur der lokale Speicher verfügbar (kein Verzeichnisspeicher und kein persistenter Speicher); verwenden Sie location=local.</translation>
    </message>
    <message>
        <source>set store: domain=%1 is ignored for the local store.</source>
        <translation>set store: domain=%1 wird für den lokalen Speicher ignoriert.</translation>
    </message>
    <message>
        <source>set batch mode=%1: a script here always runs as one transaction.</source>
        <translation>set batch mode=%1: Ein Skript läuft hier immer als eine einzige Transaktion.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not supported.</source>
        <translation>&quot;%1&quot; wird nicht unterstützt.</translation>
    </message>
    <message>
        <source>There is no policy with GUID %1.</source>
        <translation>Es gibt keine Richtlinie mit der GUID %1.</translation>
    </message>
    <message>
        <source>There is no policy named %1.</source>
        <translation>Es gibt keine Richtlinie namens %1.</translation>
    </message>
    <message>
        <source>Unassigned policy %1.</source>
        <translation>Zuweisung der Richtlinie %1 aufgehoben.</translation>
    </message>
    <message>
        <source>set policy gponame=: group policy objects belong to a domain store, which is not available here.</source>
        <translation>set policy gponame=: Gruppenrichtlinienobjekte gehören zu einem Domänenspeicher, der hier nicht verfügbar ist.</translation>
    </message>
    <message>
        <source>Changed policy %1.</source>
        <translation>Richtlinie %1 geändert.</translation>
    </message>
    <message>
        <source>Changed policy %1 (now %2).</source>
        <translation>Richtlinie %1 geändert (jetzt %2).</translation>
    </message>
    <message>
        <source>There is no filter list with GUID %1.</source>
        <translation>Es gibt keine Filterliste mit der GUID %1.</translation>
    </message>
    <message>
        <source>There is no filter list named %1.</source>
        <translation>Es gibt keine Filterliste namens %1.</translation>
    </message>
    <message>
        <source>Created filter list %1.</source>
        <translation>Filterliste %1 erstellt.</translation>
    </message>
    <message>
        <source>Changed filter list %1.</source>
        <translation>Filterliste %1 geändert.</translation>
    </message>
    <message>
        <source>Deleted filter list %1.</source>
        <translation>Filterliste %1 gelöscht.</translation>
    </message>
    <message>
        <source>Filter list %1 already has this filter; not added twice.</source>
        <translation>Die Filterliste %1 enthält diesen Filter bereits; er wird nicht doppelt hinzugefügt.</translation>
    </message>
    <message>
        <source>Added a filter to %1.</source>
        <translation>Filter zu %1 hinzugefügt.</translation>
    </message>
    <message>
        <source>Filter list %1 has no filter matching these fields.</source>
        <translation>Die Filterliste %1 enthält keinen Filter, der zu diesen Feldern passt.</translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n filter(s) from %1.</source>
        <translation>
            <numerusform>%n Filter aus %1 gelöscht.</numerusform>
            <numerusform>%n Filter aus %1 gelöscht.</numerusform>
        </translation>
    </message>
    <message>
        <source>There is no filter action with GUID %1.</source>
        <translation>Es gibt keine Filteraktion mit der GUID %1.</translation>
    </message>
    <message>
        <source>There is no filter action named %1.</source>
        <translation>Es gibt keine Filteraktion namens %1.</translation>
    </message>
    <message>
        <source>Filter action %1: %2 apply only to action=negotiate and are not stored.</source>
        <translation>Filteraktion %1: %2 gelten nur für action=negotiate und werden nicht gespeichert.</translation>
    </message>
    <message>
        <source>Created filter action %1 (%2).</source>
        <translation>Filteraktion %1 erstellt (%2).</translation>
    </message>
    <message>
        <source>Changed filter action %1.</source>
        <translation>Filteraktion %1 geändert.</translation>
    </message>
    <message>
        <source>Deleted filter action %1.</source>
        <translation>Filteraktion %1 gelöscht.</translation>
    </message>
    <message>
        <source>Policy %1 has no rule %2 (it has %3).</source>
        <translation>Die Richtlinie %1 hat keine Regel %2 (sie hat %3).</translation>
    </message>
    <message>
        <source>Policy %1 has no rule named %2.</source>
        <translation>Die Richtlinie %1 hat keine Regel namens %2.</translation>
    </message>
    <message>
        <source>Added rule %1 to policy %2: filter list %3, filter action %4.</source>
        <translation>Regel %1 zur Richtlinie %2 hinzugefügt: Filterliste %3, Filteraktion %4.</translation>
    </message>
    <message>
        <source>Changed rule %1 of policy %2.</source>
        <translation>Regel %1 der Richtlinie %2 geändert.</translation>
    </message>
    <message>
        <source>Deleted rule %1 of policy %2.</source>
        <translation>Regel %1 der Richtlinie %2 gelöscht.</translation>
    </message>
    <message>
        <source>set defaultrule: qmsecmethods and qmpfs of the default response rule are not stored (it answers with the IKE daemon&apos;s defaults).</source>
        <translation>set defaultrule: qmsecmethods und qmpfs der Standardantwortregel werden nicht gespeichert (sie antwortet mit den Standardwerten des IKE-Dienstes).</translation>
    </message>
    <message>
        <source>Changed the default response rule of policy %1 (%2).</source>
        <translation>Standardantwortregel der Richtlinie %1 geändert (%2).</translation>
    </message>
    <message>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>inactive</source>
        <translation>inaktiv</translation>
    </message>
    <message>
        <source>Policy %1 has no default response rule.</source>
        <translation>Die Richtlinie %1 hat keine Standardantwortregel.</translation>
    </message>
    <message>
        <source>Deleted every policy (%1), filter list (%2) and filter action (%3).</source>
        <translation>Alle Richtlinien (%1), Filterlisten (%2) und Filteraktionen (%3) gelöscht.</translation>
    </message>
    <message>
        <source>Filter list %1 is used by a rule; not deleted.</source>
        <translation>Die Filterliste %1 wird von einer Regel verwendet; nicht gelöscht.</translation>
    </message>
    <message>
        <source>Filter action %1 is used by a rule; not deleted.</source>
        <translation>Die Filteraktion %1 wird von einer Regel verwendet; nicht gelöscht.</translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n rule(s) of policy %1.</source>
        <translation>
            <numerusform>%n Regel der Richtlinie %1 gelöscht.</numerusform>
            <numerusform>%n Regeln der Richtlinie %1 gelöscht.</numerusform>
        </translation>
    </message>
    <message>
        <source>set store location=domain must be the first command of the script: the whole script then works on the directory.</source>
        <translation>set store location=domain muss der erste Befehl des Skripts sein: Das gesamte Skript arbeitet dann mit dem Verzeichnis.</translation>
    </message>
    <message>
        <source>set store location=%1: this script works on the directory (set store location=domain came first); run the commands for the local store in a script of their own.</source>
        <translation>set store location=%1: Dieses Skript arbeitet mit dem Verzeichnis (set store location=domain stand am Anfang); führen Sie die Befehle für den lokalen Speicher in einem eigenen Skript aus.</translation>
    </message>
    <message>
        <source>set policy gponame=: this store assigns in one GPO, chosen with --gpo NAME (or IPSEC_CONSOLE_GPO); use assign=yes.</source>
        <translation>set policy gponame=: Dieser Speicher weist in einem GPO zu, das mit --gpo NAME (oder IPSEC_CONSOLE_GPO) gewählt wird; verwenden Sie assign=yes.</translation>
    </message>
    <message>
        <source>%1: qmpermm=%2 ignored: with mmpfs=yes every quick mode needs its own main mode (qmpermm=1).</source>
        <translation>%1: qmpermm=%2 ignoriert: Mit mmpfs=yes benötigt jeder Schnellmodus einen eigenen Hauptmodus (qmpermm=1).</translation>
    </message>
</context>
<context>
    <name>ipsec::NetshScriptWriter</name>
    <message>
        <source>IPsec Policy Console snapshot of %1, taken %2 by version %3.</source>
        <translation>Momentaufnahme der IPsec Policy Console von %1, aufgenommen am %2 von Version %3.</translation>
    </message>
    <message>
        <source>Recreates the filter lists, filter actions, policies and rules with netsh ipsec static.</source>
        <translation>Erstellt die Filterlisten, Filteraktionen, Richtlinien und Regeln mit netsh ipsec static neu.</translation>
    </message>
    <message>
        <source>Only policy &quot;%1&quot; and what its rules use.</source>
        <translation>Nur die Richtlinie &quot;%1&quot; und was ihre Regeln verwenden.</translation>
    </message>
    <message>
        <source>Filter lists</source>
        <translation>Filterlisten</translation>
    </message>
    <message>
        <source>Filter actions</source>
        <translation>Filteraktionen</translation>
    </message>
    <message>
        <source>Policies and rules</source>
        <translation>Richtlinien und Regeln</translation>
    </message>
    <message>
        <source>Assignment</source>
        <translation>Zuweisung</translation>
    </message>
    <message>
        <source>Dynamic filters in force (not part of the static store; lost at reboot):</source>
        <translation>Wirksame dynamische Filter (nicht Teil des statischen Speichers; gehen beim Neustart verloren):</translation>
    </message>
    <message>
        <source>Kernel entries enforced when the snapshot was taken:</source>
        <translation>Beim Aufnehmen der Momentaufnahme durchgesetzte Kernel-Einträge:</translation>
    </message>
    <message>
        <source>Policy &quot;%1&quot;: its main mode lifetime of %2 seconds is written as %3 minutes.</source>
        <translation>Richtlinie &quot;%1&quot;: Ihre Hauptmodus-Lebensdauer von %2 Sekunden wird als %3 Minuten geschrieben.</translation>
    </message>
</context>
<context>
    <name>ipsec::Policy</name>
    <message>
        <source>The polling interval %1 is out of range (1-43200 minutes).</source>
        <translation>Das Abrufintervall %1 liegt außerhalb des gültigen Bereichs (1-43200 Minuten).</translation>
    </message>
    <message>
        <source>The main mode lifetime of %1 seconds is out of range (%2-%3 seconds, 1-1000000 minutes).</source>
        <translation>Die Hauptmodus-Lebensdauer von %1 Sekunden liegt außerhalb des gültigen Bereichs (%2-%3 Sekunden, 1-1000000 Minuten).</translation>
    </message>
    <message>
        <source>The number of quick modes per main mode %1 is out of range (0-%2, 0 = no limit).</source>
        <translation>Die Anzahl der Schnellmodi pro Hauptmodus (%1) liegt außerhalb des gültigen Bereichs (0-%2, 0 = keine Begrenzung).</translation>
    </message>
    <message>
        <source>With master key perfect forward secrecy every quick mode needs a new main mode: the number of quick modes per main mode must be 1, not %1.</source>
        <translation>Mit Perfect Forward Secrecy für den Hauptschlüssel benötigt jeder Schnellmodus einen neuen Hauptmodus: Die Anzahl der Schnellmodi pro Hauptmodus muss 1 sein, nicht %1.</translation>
    </message>
</context>
<context>
    <name>ipsec::PolicyClient</name>
    <message>
        <source>This client cannot ask the domain for its policy.</source>
        <translation>Dieser Client kann die Richtlinie nicht von der Domäne abfragen.</translation>
    </message>
</context>
<context>
    <name>ipsec::PolicyEdits</name>
    <message>
        <source>Created policy %1.</source>
        <translation>Richtlinie %1 erstellt.</translation>
    </message>
    <message>
        <source>Assigned policy %1.</source>
        <translation>Richtlinie %1 zugewiesen.</translation>
    </message>
    <message>
        <source>Unassigned policy %1.</source>
        <translation>Zuweisung der Richtlinie %1 aufgehoben.</translation>
    </message>
    <message>
        <source>Deleted policy %1.</source>
        <translation>Richtlinie %1 gelöscht.</translation>
    </message>
    <message>
        <source>Remote computers (%1) are not supported: run the command on that machine (this computer answers to ., localhost, 127.0.0.1 and its own name).</source>
        <translation>Remotecomputer (%1) werden nicht unterstützt: Führen Sie den Befehl auf diesem Rechner aus (dieser Computer antwortet auf ., localhost, 127.0.0.1 und seinen eigenen Namen).</translation>
    </message>
    <message>
        <source>A policy named %1 already exists; choose another name, or change or delete that policy.</source>
        <translation>Eine Richtlinie namens %1 ist bereits vorhanden; wählen Sie einen anderen Namen, oder ändern oder löschen Sie diese Richtlinie.</translation>
    </message>
    <message>
        <source>A filter list named %1 already exists; choose another name, or change or delete that filter list.</source>
        <translation>Eine Filterliste namens %1 ist bereits vorhanden; wählen Sie einen anderen Namen, oder ändern oder löschen Sie diese Filterliste.</translation>
    </message>
    <message>
        <source>A filter action named %1 already exists; choose another name, or change or delete that filter action.</source>
        <translation>Eine Filteraktion namens %1 ist bereits vorhanden. Wählen Sie einen anderen Namen, oder ändern oder löschen Sie diese Filteraktion.</translation>
    </message>
    <message>
        <source>Policy %1 already has a rule named %2; choose another name, or change or delete that rule.</source>
        <translation>Die Richtlinie %1 enthält bereits eine Regel namens %2. Wählen Sie einen anderen Namen, oder ändern oder löschen Sie diese Regel.</translation>
    </message>
</context>
<context>
    <name>ipsec::PolicyService</name>
    <message>
        <source>No policy is assigned.</source>
        <translation>Es ist keine Richtlinie zugewiesen.</translation>
    </message>
    <message>
        <source>Stored only, not enforced: changing the kernel&apos;s IPsec policy needs root.</source>
        <translation>Nur gespeichert, nicht durchgesetzt: Das Ändern der IPsec-Richtlinie des Kernels erfordert root.</translation>
    </message>
    <message>
        <source>Kernel: %1 added, %2 replaced, %3 removed (%4 unchanged).</source>
        <translation>Kernel: %1 hinzugefügt, %2 ersetzt, %3 entfernt (%4 unverändert).</translation>
    </message>
    <message>
        <source>Dry run: nothing was changed.</source>
        <translation>Probelauf: Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>There is no policy named %1.</source>
        <translation>Es gibt keine Richtlinie namens %1.</translation>
    </message>
    <message>
        <source>Policy %1 is not assigned (%2 is).</source>
        <translation>Die Richtlinie %1 ist nicht zugewiesen (%2 ist zugewiesen).</translation>
    </message>
    <message>
        <source>Unassigned policy %1.</source>
        <translation>Zuweisung der Richtlinie %1 aufgehoben.</translation>
    </message>
    <message>
        <source>Changed policy %1.</source>
        <translation>Richtlinie %1 geändert.</translation>
    </message>
    <message>
        <source>Added rule %1.</source>
        <translation>Regel %1 hinzugefügt.</translation>
    </message>
    <message>
        <source>Changed rule %1.</source>
        <translation>Regel %1 geändert.</translation>
    </message>
    <message>
        <source>The default response rule cannot be deleted, only deactivated.</source>
        <translation>Die Standardantwortregel kann nicht gelöscht, nur deaktiviert werden.</translation>
    </message>
    <message>
        <source>Deleted rule %1.</source>
        <translation>Regel %1 gelöscht.</translation>
    </message>
    <message>
        <source>The rule no longer exists.</source>
        <translation>Die Regel existiert nicht mehr.</translation>
    </message>
    <message>
        <source>Created filter list %1.</source>
        <translation>Filterliste %1 erstellt.</translation>
    </message>
    <message>
        <source>Changed filter list %1.</source>
        <translation>Filterliste %1 geändert.</translation>
    </message>
    <message>
        <source>Deleted filter list %1.</source>
        <translation>Filterliste %1 gelöscht.</translation>
    </message>
    <message>
        <source>Created filter action %1.</source>
        <translation>Filteraktion %1 erstellt.</translation>
    </message>
    <message>
        <source>Changed filter action %1.</source>
        <translation>Filteraktion %1 geändert.</translation>
    </message>
    <message>
        <source>Deleted filter action %1.</source>
        <translation>Filteraktion %1 gelöscht.</translation>
    </message>
    <message>
        <source>Dynamic mode needs filters: -f SPEC...</source>
        <translation>Der dynamische Modus benötigt Filter: -f SPEC...</translation>
    </message>
    <message>
        <source>No -n given for %1: it negotiates security, as on Windows. Use [SPEC] or -n BLOCK to block, (SPEC) or -n PASS to permit.</source>
        <translation>Kein -n für %1 angegeben: Es wird wie unter Windows Sicherheit ausgehandelt. Verwenden Sie [SPEC] oder -n BLOCK zum Blockieren, (SPEC) oder -n PASS zum Zulassen.</translation>
    </message>
    <message>
        <source>Filter %1: %2</source>
        <translation>Filter %1: %2</translation>
    </message>
    <message>
        <source>Dynamic filters live only in the kernel; adding them needs root (or the policy agent).</source>
        <translation>Dynamische Filter existieren nur im Kernel; das Hinzufügen erfordert root (oder den Richtlinien-Agenten).</translation>
    </message>
    <message>
        <source>Dynamic filter %1 is already in force.</source>
        <translation>Der dynamische Filter %1 ist bereits in Kraft.</translation>
    </message>
    <message>
        <source>Added dynamic %1 filter %2.</source>
        <translation>Dynamischer Filter %2 hinzugefügt (%1).</translation>
    </message>
    <message>
        <source>Dynamic filters live only in the kernel; removing them needs root (or the policy agent).</source>
        <translation>Dynamische Filter existieren nur im Kernel; das Entfernen erfordert root (oder den Richtlinien-Agenten).</translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n dynamic filter(s).</source>
        <translation>
            <numerusform>%n dynamischer Filter gelöscht.</numerusform>
            <numerusform>%n dynamische Filter gelöscht.</numerusform>
        </translation>
    </message>
    <message>
        <source>Reading the kernel&apos;s IPsec policy needs root.</source>
        <translation>Das Lesen der IPsec-Richtlinie des Kernels erfordert root.</translation>
    </message>
    <message>
        <source>Emergency unassign changes the kernel&apos;s IPsec policy and needs root (or the policy agent).</source>
        <translation>Die Notfall-Aufhebung ändert die IPsec-Richtlinie des Kernels und erfordert root (oder den Richtlinien-Agenten).</translation>
    </message>
    <message numerus="yes">
        <source>Emergency unassign would remove %n kernel entr(y/ies).</source>
        <translation>
            <numerusform>Die Notfall-Aufhebung würde %n Kernel-Eintrag entfernen.</numerusform>
            <numerusform>Die Notfall-Aufhebung würde %n Kernel-Einträge entfernen.</numerusform>
        </translation>
    </message>
    <message>
        <source>The policy store could not be opened (%1); the kernel entries were removed anyway.</source>
        <translation>Der Richtlinienspeicher konnte nicht geöffnet werden (%1); die Kernel-Einträge wurden trotzdem entfernt.</translation>
    </message>
    <message>
        <source>Nothing is enforced; the record of the last emergency unassign is kept for &apos;ipseccmd reassign&apos;.</source>
        <translation>Es wird nichts durchgesetzt; die Aufzeichnung der letzten Notfall-Aufhebung bleibt für &apos;ipseccmd reassign&apos; erhalten.</translation>
    </message>
    <message numerus="yes">
        <source>Emergency unassign: removed %n kernel entr(y/ies).</source>
        <translation>
            <numerusform>Notfall-Aufhebung: %n Kernel-Eintrag entfernt.</numerusform>
            <numerusform>Notfall-Aufhebung: %n Kernel-Einträge entfernt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Put them back with: ipseccmd reassign</source>
        <translation>Wiederherstellen mit: ipseccmd reassign</translation>
    </message>
    <message>
        <source>Re-assigning changes the kernel&apos;s IPsec policy and needs root (or the policy agent).</source>
        <translation>Die erneute Zuweisung ändert die IPsec-Richtlinie des Kernels und erfordert root (oder den Richtlinien-Agenten).</translation>
    </message>
    <message>
        <source>Nothing to re-assign: no emergency unassign is recorded for this network namespace.</source>
        <translation>Nichts erneut zuzuweisen: Für diesen Netzwerk-Namespace ist keine Notfall-Aufhebung aufgezeichnet.</translation>
    </message>
    <message numerus="yes">
        <source>Restored %n dynamic filter(s).</source>
        <translation>
            <numerusform>%n dynamischer Filter wiederhergestellt.</numerusform>
            <numerusform>%n dynamische Filter wiederhergestellt.</numerusform>
        </translation>
    </message>
    <message>
        <source>The policy store could not be opened (%1); restoring the recorded kernel entries.</source>
        <translation>Der Richtlinienspeicher konnte nicht geöffnet werden (%1); die aufgezeichneten Kernel-Einträge werden wiederhergestellt.</translation>
    </message>
    <message numerus="yes">
        <source>Restored %n kernel entr(y/ies).</source>
        <translation>
            <numerusform>%n Kernel-Eintrag wiederhergestellt.</numerusform>
            <numerusform>%n Kernel-Einträge wiederhergestellt.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: dynamic rules live only in the kernel; changing them needs root (or the policy agent). Nothing was changed.</source>
        <translation>%1: Dynamische Regeln existieren nur im Kernel; das Ändern erfordert root (oder den Richtlinien-Agenten). Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source> Nothing was changed.</source>
        <translation> Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>The static changes were committed, but the dynamic rules could not be recorded (%1); the dynamic rules were left as they were.</source>
        <translation>Die statischen Änderungen wurden übernommen, aber die dynamischen Regeln konnten nicht aufgezeichnet werden (%1); die dynamischen Regeln blieben unverändert.</translation>
    </message>
    <message>
        <source>Nothing reached the kernel, so there is nothing to confirm.</source>
        <translation>Nichts hat den Kernel erreicht, daher gibt es nichts zu bestätigen.</translation>
    </message>
    <message>
        <source>This change joins the change waiting for confirmation: unless confirmed by %1, all of them are rolled back.</source>
        <translation>Diese Änderung schließt sich der Änderung an, die auf Bestätigung wartet: Sofern sie nicht bis %1 bestätigt werden, werden alle rückgängig gemacht.</translation>
    </message>
    <message>
        <source>Your SSH connection was not checked: %1</source>
        <translation>Ihre SSH-Verbindung wurde nicht geprüft: %1</translation>
    </message>
    <message>
        <source>Without --dry-run this change is refused unless forced: %1</source>
        <translation>Ohne --dry-run wird diese Änderung abgelehnt, sofern sie nicht erzwungen wird: %1</translation>
    </message>
    <message>
        <source>Applied although it cuts your own SSH connection (forced): %1</source>
        <translation>Angewendet, obwohl sie Ihre eigene SSH-Verbindung unterbricht (erzwungen): %1</translation>
    </message>
    <message>
        <source>%1 The emergency unassign that followed failed too: %2</source>
        <translation>%1 Die anschließende Notfall-Aufhebung ist ebenfalls fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>Restoring the previous state failed (%1), so every kernel entry of this tool was removed instead; &apos;ipseccmd reassign&apos; puts them back.</source>
        <translation>Das Wiederherstellen des vorherigen Zustands ist fehlgeschlagen (%1), daher wurden stattdessen alle Kernel-Einträge dieses Tools entfernt; &apos;ipseccmd reassign&apos; stellt sie wieder her.</translation>
    </message>
    <message>
        <source>The emergency unassign ended the wait for confirmation: nothing of this tool is enforced now, and &apos;ipseccmd reassign&apos; puts back the state before the unconfirmed change.</source>
        <translation>Die Notfall-Aufhebung hat das Warten auf Bestätigung beendet: Von diesem Tool wird jetzt nichts durchgesetzt, und &apos;ipseccmd reassign&apos; stellt den Zustand vor der unbestätigten Änderung wieder her.</translation>
    </message>
    <message>
        <source>The change waiting for confirmation was discarded; &apos;ipseccmd reassign&apos; puts back the state before it.</source>
        <translation>Die auf Bestätigung wartende Änderung wurde verworfen; &apos;ipseccmd reassign&apos; stellt den Zustand davor wieder her.</translation>
    </message>
    <message numerus="yes">
        <source>The %n dynamic filter(s) of the snapshot were not restored: they live only in the kernel, which needs root (or the policy agent).</source>
        <translation>
            <numerusform>Der %n dynamische Filter der Momentaufnahme wurde nicht wiederhergestellt: Er existiert nur im Kernel, was root (oder den Richtlinien-Agenten) erfordert.</numerusform>
            <numerusform>Die %n dynamischen Filter der Momentaufnahme wurden nicht wiederhergestellt: Sie existieren nur im Kernel, was root (oder den Richtlinien-Agenten) erfordert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Importing the snapshot of %1 taken %2 (%3) would make %n change(s):</source>
        <translation>
            <numerusform>Der Import der Momentaufnahme von %1, aufgenommen am %2 (%3), würde %n Änderung vornehmen:</numerusform>
            <numerusform>Der Import der Momentaufnahme von %1, aufgenommen am %2 (%3), würde %n Änderungen vornehmen:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported the snapshot of %1 taken %2 (%3): %n change(s).</source>
        <translation>
            <numerusform>Momentaufnahme von %1, aufgenommen am %2 (%3), importiert: %n Änderung.</numerusform>
            <numerusform>Momentaufnahme von %1, aufgenommen am %2 (%3), importiert: %n Änderungen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Name clash: %1</source>
        <translation>Namenskonflikt: %1</translation>
    </message>
    <message>
        <source>%1 line %2</source>
        <translation>%1 Zeile %2</translation>
    </message>
    <message>
        <source>dynamic rules live only in the kernel; changing them needs root (or the policy agent).</source>
        <translation>dynamische Regeln existieren nur im Kernel; sie zu ändern erfordert root (oder den Richtlinien-Agent).</translation>
    </message>
    <message>
        <source>The snapshot has no preshared key for rule(s) %1, only the mask %2, and the store has no key for them to keep.</source>
        <translation>Die Momentaufnahme enthält für Regel(n) %1 keinen vorinstallierten Schlüssel, nur die Maske %2, und der Speicher hat keinen Schlüssel, der für sie beibehalten werden kann.</translation>
    </message>
    <message>
        <source>Removed the nftables table inet ipsec_console (block and permit filters).</source>
        <translation>Die nftables-Tabelle inet ipsec_console (Filter zum Blockieren und Zulassen) wurde entfernt.</translation>
    </message>
    <message>
        <source>Unknown kernel backend &quot;%1&quot;: use nft (block and permit in nftables, negotiate in XFRM) or xfrm (every filter in XFRM).</source>
        <translation>Unbekanntes Kernel-Backend &quot;%1&quot;: Verwenden Sie nft (Blockieren und Zulassen in nftables, Aushandeln in XFRM) oder xfrm (jeder Filter in XFRM).</translation>
    </message>
    <message>
        <source>No policy store was given.</source>
        <translation>Es wurde kein Richtlinienspeicher angegeben.</translation>
    </message>
    <message>
        <source>%1 Falling back to XFRM for every filter.</source>
        <translation>%1 Für jeden Filter wird auf XFRM zurückgegriffen.</translation>
    </message>
    <message>
        <source>Kernel: nftables table inet ipsec_console, %1 set element(s) added and %2 removed.</source>
        <translation>Kernel: nftables-Tabelle inet ipsec_console, %1 Set-Element(e) hinzugefügt und %2 entfernt.</translation>
    </message>
    <message>
        <source>Kernel: removed the nftables table inet ipsec_console.</source>
        <translation>Kernel: Die nftables-Tabelle inet ipsec_console wurde entfernt.</translation>
    </message>
    <message numerus="yes">
        <source>Kernel: nftables table inet ipsec_console with %n rule(s) and %1 set element(s).</source>
        <translation>
            <numerusform>Kernel: nftables-Tabelle inet ipsec_console mit %n Regel und %1 Set-Element(en).</numerusform>
            <numerusform>Kernel: nftables-Tabelle inet ipsec_console mit %n Regeln und %1 Set-Element(en).</numerusform>
        </translation>
    </message>
    <message>
        <source>Written to the directory %1: domain members whose Group Policy assigns the policy apply it at their next poll.</source>
        <translation>In das Verzeichnis %1 geschrieben: Domänenmitglieder, deren Gruppenrichtlinie die Richtlinie zuweist, wenden sie bei ihrer nächsten Abfrage an.</translation>
    </message>
    <message>
        <source>-w DS names the directory store, but this service works on the local store %1.</source>
        <translation>-w DS bezeichnet den Verzeichnisspeicher, dieser Dienst arbeitet jedoch mit dem lokalen Speicher %1.</translation>
    </message>
    <message>
        <source>The domain&apos;s policy is not enforced after the emergency unassign; &apos;ipseccmd reassign&apos; puts it back.</source>
        <translation>Die Richtlinie der Domäne wird nach dem Notfall-Aufheben der Zuweisung nicht erzwungen; &apos;ipseccmd reassign&apos; stellt sie wieder her.</translation>
    </message>
    <message>
        <source>The domain&apos;s policy %1 is enforced instead of the local assigned policy %2 (a domain policy overrides the local one).</source>
        <translation>Die Richtlinie %1 der Domäne wird anstelle der lokal zugewiesenen Richtlinie %2 erzwungen (eine Domänenrichtlinie hat Vorrang vor der lokalen).</translation>
    </message>
    <message>
        <source>Fetching the domain&apos;s policy changes what is enforced; the store is open read-only.</source>
        <translation>Das Abrufen der Richtlinie der Domäne ändert, was erzwungen wird; der Speicher ist schreibgeschützt geöffnet.</translation>
    </message>
    <message>
        <source>Dry run: the domain&apos;s policy was not fetched.</source>
        <translation>Testlauf: Die Richtlinie der Domäne wurde nicht abgerufen.</translation>
    </message>
    <message>
        <source>Fetched only, not enforced: changing the kernel&apos;s IPsec policy needs root.</source>
        <translation>Nur abgerufen, nicht erzwungen: Das Ändern der IPsec-Richtlinie des Kernels erfordert Root-Rechte.</translation>
    </message>
    <message>
        <source>The changes were enforced, but the dynamic main mode and quick mode policies could not be recorded (%1).</source>
        <translation>Die Änderungen wurden erzwungen, aber die dynamischen Hauptmodus- und Schnellmodusrichtlinien konnten nicht aufgezeichnet werden (%1).</translation>
    </message>
    <message>
        <source>Deleted %1 dynamic main mode and %2 quick mode policies.</source>
        <translation>%1 dynamische Hauptmodus- und %2 Schnellmodusrichtlinien gelöscht.</translation>
    </message>
    <message>
        <source>Kernel work: %1 ms.</source>
        <translation>Kernelarbeit: %1 ms.</translation>
    </message>
    <message>
        <source>The recorded nftables table cannot be restored: %1</source>
        <translation>Die aufgezeichnete nftables-Tabelle kann nicht wiederhergestellt werden: %1</translation>
    </message>
    <message>
        <source>Restored the nftables table inet ipsec_console (block and permit filters).</source>
        <translation>Die nftables-Tabelle inet ipsec_console wurde wiederhergestellt (Blockierungs- und Zulassungsfilter).</translation>
    </message>
    <message>
        <source>The confirmed nftables table could not be recorded (%1); reassign without a store restores no table.</source>
        <translation>Die bestätigte nftables-Tabelle konnte nicht aufgezeichnet werden (%1); reassign ohne Speicher stellt keine Tabelle wieder her.</translation>
    </message>
    <message>
        <source>The kernel entries of the state before the unconfirmed change could not be compiled (%1); the record keeps those the emergency unassign removed.</source>
        <translation>Die Kernel-Einträge des Zustands vor der unbestätigten Änderung konnten nicht kompiliert werden (%1); die Aufzeichnung behält die Einträge, die die Notfall-Aufhebung entfernt hat.</translation>
    </message>
</context>
<context>
    <name>ipsec::PolicySource</name>
    <message>
        <source>The domain no longer assigns an IPsec policy to %1: the local policy applies again.</source>
        <translation>Die Domäne weist %1 keine IPsec-Richtlinie mehr zu: Die lokale Richtlinie gilt wieder.</translation>
    </message>
</context>
<context>
    <name>ipsec::PolicySourceStatus</name>
    <message>
        <source>The local policy applies (no domain policy is assigned to this computer).</source>
        <translation>Die lokale Richtlinie gilt (diesem Computer ist keine Domänenrichtlinie zugewiesen).</translation>
    </message>
    <message>
        <source>The local policy applies (no domain policy: %1)</source>
        <translation>Die lokale Richtlinie gilt (keine Domänenrichtlinie: %1)</translation>
    </message>
    <message>
        <source>The policy &quot;%1&quot; is assigned from the domain by the GPO %2 (directory %3, read %4; polling interval %5 minutes).</source>
        <translation>Die Richtlinie &quot;%1&quot; wird von der Domäne durch das GPO %2 zugewiesen (Verzeichnis %3, gelesen am %4; Abfrageintervall %5 Minuten).</translation>
    </message>
    <message>
        <source>The policy &quot;%1&quot; is assigned from the domain by the GPO %2; the cached copy read %3 is enforced because the directory cannot be used: %4</source>
        <translation>Die Richtlinie &quot;%1&quot; wird von der Domäne durch das GPO %2 zugewiesen; die am %3 gelesene zwischengespeicherte Kopie wird erzwungen, da das Verzeichnis nicht verwendet werden kann: %4</translation>
    </message>
</context>
<context>
    <name>ipsec::PolicyStore</name>
    <message>
        <source>No policy store file was given.</source>
        <translation>Es wurde keine Datei für den Richtlinienspeicher angegeben.</translation>
    </message>
    <message>
        <source>The policy store %1 is open read-only; nothing was changed.</source>
        <translation>Der Richtlinienspeicher %1 ist schreibgeschützt geöffnet; es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>A change of the policy store %1 is already in progress; changes cannot be nested.</source>
        <translation>Eine Änderung des Richtlinienspeichers %1 ist bereits im Gange; Änderungen können nicht verschachtelt werden.</translation>
    </message>
    <message>
        <source>Cannot open the policy store %1: the Qt SQLite driver (QSQLITE) is not available.</source>
        <translation>Der Richtlinienspeicher %1 kann nicht geöffnet werden: Der Qt-SQLite-Treiber (QSQLITE) ist nicht verfügbar.</translation>
    </message>
    <message>
        <source>Cannot open the policy store %1: %2</source>
        <translation>Der Richtlinienspeicher %1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>The policy store %1 refused the change: %2.</source>
        <translation>Der Richtlinienspeicher %1 hat die Änderung abgelehnt: %2.</translation>
    </message>
    <message>
        <source>The policy store %1 is locked by another program (waited %2 seconds); try again.</source>
        <translation>Der Richtlinienspeicher %1 ist durch ein anderes Programm gesperrt (%2 Sekunden gewartet); versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The policy store %1 is damaged: %2.</source>
        <translation>Der Richtlinienspeicher %1 ist beschädigt: %2.</translation>
    </message>
    <message>
        <source>The policy store %1 cannot be written: %2.</source>
        <translation>Der Richtlinienspeicher %1 kann nicht geschrieben werden: %2.</translation>
    </message>
    <message>
        <source>The policy store %1 cannot be written: the disk is full.</source>
        <translation>Der Richtlinienspeicher %1 kann nicht geschrieben werden: Der Datenträger ist voll.</translation>
    </message>
    <message>
        <source>The policy store %1 failed: %2.</source>
        <translation>Fehler im Richtlinienspeicher %1: %2.</translation>
    </message>
    <message>
        <source>There is no policy with id %1.</source>
        <translation>Es gibt keine Richtlinie mit der ID %1.</translation>
    </message>
    <message>
        <source>There is no filter list with id %1.</source>
        <translation>Es gibt keine Filterliste mit der ID %1.</translation>
    </message>
    <message>
        <source>There is no filter action with id %1.</source>
        <translation>Es gibt keine Filteraktion mit der ID %1.</translation>
    </message>
    <message>
        <source>A policy named &quot;%1&quot; already exists.</source>
        <translation>Eine Richtlinie namens &quot;%1&quot; existiert bereits.</translation>
    </message>
    <message>
        <source>A filter list named &quot;%1&quot; already exists.</source>
        <translation>Eine Filterliste namens &quot;%1&quot; existiert bereits.</translation>
    </message>
    <message>
        <source>A filter action named &quot;%1&quot; already exists.</source>
        <translation>Eine Filteraktion namens &quot;%1&quot; existiert bereits.</translation>
    </message>
    <message>
        <source>Policy &quot;%1&quot; already has a rule named &quot;%2&quot;.</source>
        <translation>Die Richtlinie &quot;%1&quot; hat bereits eine Regel namens &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>rule &quot;%1&quot; of policy &quot;%2&quot;</source>
        <translation>Regel &quot;%1&quot; der Richtlinie &quot;%2&quot;</translation>
    </message>
    <message numerus="yes">
        <source>and %n more rule(s)</source>
        <translation>
            <numerusform>und %n weiterer Regel</numerusform>
            <numerusform>und %n weiteren Regeln</numerusform>
        </translation>
    </message>
    <message>
        <source>There is no rule with id %1.</source>
        <translation>Es gibt keine Regel mit der ID %1.</translation>
    </message>
    <message>
        <source>Filter list &quot;%1&quot; is used by %2; change or delete those rules first.</source>
        <translation>Die Filterliste &quot;%1&quot; wird verwendet von: %2; ändern oder löschen Sie zuerst diese Regeln.</translation>
    </message>
    <message>
        <source>There is no filter with id %1.</source>
        <translation>Es gibt keinen Filter mit der ID %1.</translation>
    </message>
    <message>
        <source>Filter %1: %2</source>
        <translation>Filter %1: %2</translation>
    </message>
    <message>
        <source>Filter action &quot;%1&quot; is used by %2; change or delete those rules first.</source>
        <translation>Die Filteraktion &quot;%1&quot; wird verwendet von: %2; ändern oder löschen Sie zuerst diese Regeln.</translation>
    </message>
    <message>
        <source>the stored address value 0x%1 is not valid</source>
        <translation>der gespeicherte Adresswert 0x%1 ist ungültig</translation>
    </message>
    <message>
        <source>%1 is an SQLite database of another program, not an IPsec policy store; it was not changed.</source>
        <translation>%1 ist eine SQLite-Datenbank eines anderen Programms, kein IPsec-Richtlinienspeicher; sie wurde nicht geändert.</translation>
    </message>
    <message>
        <source>%1 is an SQLite database of another program (application id 0x%2), not an IPsec policy store; it was not changed.</source>
        <translation>%1 ist eine SQLite-Datenbank eines anderen Programms (Anwendungs-ID 0x%2), kein IPsec-Richtlinienspeicher; sie wurde nicht geändert.</translation>
    </message>
    <message>
        <source>The policy store %1 was written by a newer version of this program (schema version %2; this version understands up to %3). It was not changed; use the newer version, or restore a backup.</source>
        <translation>Der Richtlinienspeicher %1 wurde von einer neueren Version dieses Programms geschrieben (Schemaversion %2; diese Version versteht bis zu %3). Er wurde nicht geändert; verwenden Sie die neuere Version oder stellen Sie eine Sicherung wieder her.</translation>
    </message>
    <message>
        <source>The policy store %1 is a symbolic link to a missing file.</source>
        <translation>Der Richtlinienspeicher %1 ist ein symbolischer Link auf eine fehlende Datei.</translation>
    </message>
    <message>
        <source>The policy store %1 is not a regular file.</source>
        <translation>Der Richtlinienspeicher %1 ist keine reguläre Datei.</translation>
    </message>
    <message>
        <source>Cannot read the policy store %1: %2</source>
        <translation>Der Richtlinienspeicher %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The policy store %1 is too short (%2 bytes) to be an SQLite database; it may be truncated. It was not changed.</source>
        <translation>Der Richtlinienspeicher %1 ist zu kurz (%2 Byte), um eine SQLite-Datenbank zu sein; möglicherweise ist er abgeschnitten. Er wurde nicht geändert.</translation>
    </message>
    <message>
        <source>%1 is not an SQLite database (it does not begin with the SQLite header), so it is not a policy store; it may be damaged. It was not changed.</source>
        <translation>%1 ist keine SQLite-Datenbank (sie beginnt nicht mit dem SQLite-Header) und daher kein Richtlinienspeicher; möglicherweise ist sie beschädigt. Sie wurde nicht geändert.</translation>
    </message>
    <message>
        <source>The policy store %1 has a damaged header (page size %2); it was not changed.</source>
        <translation>Der Richtlinienspeicher %1 hat einen beschädigten Header (Seitengröße %2); er wurde nicht geändert.</translation>
    </message>
    <message>
        <source>The policy store %1 is truncated or damaged: it holds %2 bytes, but its header describes %3 bytes. It was not changed.</source>
        <translation>Der Richtlinienspeicher %1 ist abgeschnitten oder beschädigt: Er enthält %2 Byte, sein Header beschreibt aber %3 Byte. Er wurde nicht geändert.</translation>
    </message>
    <message>
        <source>The policy store %1 is damaged: it has no schema version. It was not changed.</source>
        <translation>Der Richtlinienspeicher %1 ist beschädigt: Er hat keine Schemaversion. Er wurde nicht geändert.</translation>
    </message>
    <message>
        <source>The policy store %1 is empty; open it for writing once to create the store.</source>
        <translation>Der Richtlinienspeicher %1 ist leer; öffnen Sie ihn einmal zum Schreiben, um den Speicher anzulegen.</translation>
    </message>
    <message>
        <source>The policy store %1 does not exist.</source>
        <translation>Der Richtlinienspeicher %1 existiert nicht.</translation>
    </message>
    <message>
        <source>Cannot create the policy store %1: %2</source>
        <translation>Der Richtlinienspeicher %1 kann nicht erstellt werden: %2</translation>
    </message>
    <message>
        <source>The policy store %1 cannot be read; it was not changed. %2</source>
        <translation>Der Richtlinienspeicher %1 kann nicht gelesen werden; er wurde nicht geändert. %2</translation>
    </message>
    <message>
        <source>The policy store %1 has the older schema version %2 and must be upgraded to version %3 first; open it for writing once. It was not changed.</source>
        <translation>Der Richtlinienspeicher %1 hat die ältere Schemaversion %2 und muss zuerst auf Version %3 aktualisiert werden; öffnen Sie ihn einmal zum Schreiben. Er wurde nicht geändert.</translation>
    </message>
    <message>
        <source>The policy store %1 is damaged: it has no schema version.</source>
        <translation>Der Richtlinienspeicher %1 ist beschädigt: Er hat keine Schemaversion.</translation>
    </message>
    <message>
        <source>it has no revision number</source>
        <translation>er hat keine Revisionsnummer</translation>
    </message>
    <message>
        <source>filter %1 of filter list &quot;%2&quot;: %3</source>
        <translation>Filter %1 der Filterliste &quot;%2&quot;: %3</translation>
    </message>
    <message>
        <source>Cannot upgrade the policy store %1 to schema version %2: %3</source>
        <translation>Der Richtlinienspeicher %1 kann nicht auf Schemaversion %2 aktualisiert werden: %3</translation>
    </message>
    <message>
        <source>The policy store %1 is damaged or incomplete; it was not changed. %2</source>
        <translation>Der Richtlinienspeicher %1 ist beschädigt oder unvollständig; er wurde nicht geändert. %2</translation>
    </message>
    <message>
        <source>The policy store %1 is damaged: it has no revision number; it was not changed.</source>
        <translation>Der Richtlinienspeicher %1 ist beschädigt: Er hat keine Revisionsnummer; er wurde nicht geändert.</translation>
    </message>
    <message>
        <source>The policy store %1 is damaged; it was not changed. %2</source>
        <translation>Der Richtlinienspeicher %1 ist beschädigt; er wurde nicht geändert. %2</translation>
    </message>
    <message>
        <source>The policy store %1 is damaged; it was not changed. SQLite reports: %2</source>
        <translation>Der Richtlinienspeicher %1 ist beschädigt; er wurde nicht geändert. SQLite meldet: %2</translation>
    </message>
    <message>
        <source>The policy store %1 has rows in table %2 that refer to missing objects; it was not changed.</source>
        <translation>Der Richtlinienspeicher %1 enthält in der Tabelle %2 Zeilen, die auf fehlende Objekte verweisen; er wurde nicht geändert.</translation>
    </message>
    <message>
        <source>The policy store %1 was changed to schema version %2 by another version of this program while it was open; nothing was changed. Open it again.</source>
        <translation>Der Richtlinienspeicher %1 wurde, während er geöffnet war, von einer anderen Version dieses Programms auf Schemaversion %2 umgestellt; es wurde nichts geändert. Öffnen Sie ihn erneut.</translation>
    </message>
    <message>
        <source>The preshared key of rule &quot;%1&quot; is masked (%2): give the key itself.</source>
        <translation>Der vorinstallierte Schlüssel der Regel &quot;%1&quot; ist maskiert (%2): Geben Sie den Schlüssel selbst an.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1 for the policy store: %2</source>
        <translation>Der Ordner %1 für den Richtlinienspeicher kann nicht erstellt werden: %2</translation>
    </message>
</context>
<context>
    <name>ipsec::Protocol</name>
    <message>
        <source>Protocol number %1 is out of range (0-255).</source>
        <translation>Die Protokollnummer %1 liegt außerhalb des gültigen Bereichs (0-255).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a protocol: expected TCP, UDP, ICMP, RAW, ANY or a number 0-255.</source>
        <translation>&quot;%1&quot; ist kein Protokoll: erwartet wird TCP, UDP, ICMP, RAW, ANY oder eine Zahl von 0 bis 255.</translation>
    </message>
</context>
<context>
    <name>ipsec::Rule</name>
    <message>
        <source>Rule &quot;%1&quot; needs a filter list and a filter action.</source>
        <translation>Die Regel &quot;%1&quot; benötigt eine Filterliste und eine Filteraktion.</translation>
    </message>
    <message>
        <source>Rule &quot;%1&quot;: tunnel endpoint &quot;%2&quot; is not a host address or DNS name.</source>
        <translation>Regel &quot;%1&quot;: Der Tunnelendpunkt &quot;%2&quot; ist keine Hostadresse und kein DNS-Name.</translation>
    </message>
    <message>
        <source>Rule &quot;%1&quot; has no authentication method.</source>
        <translation>Die Regel &quot;%1&quot; hat keine Authentifizierungsmethode.</translation>
    </message>
</context>
<context>
    <name>ipsec::RuntimeLock</name>
    <message>
        <source>The runtime state in %1 stayed locked by another program for %2 seconds; nothing was changed. Try again.</source>
        <translation>Der Laufzeitzustand in %1 blieb %2 Sekunden lang von einem anderen Programm gesperrt; es wurde nichts geändert. Versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Cannot open the lock %1: %2</source>
        <translation>Die Sperre %1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Cannot take the lock %1: %2</source>
        <translation>Die Sperre %1 kann nicht gesetzt werden: %2</translation>
    </message>
</context>
<context>
    <name>ipsec::RuntimeState</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is damaged; remove it to clear the dynamic filters.</source>
        <translation>%1 ist beschädigt; entfernen Sie die Datei, um die dynamischen Filter zu löschen.</translation>
    </message>
    <message>
        <source>%1 is damaged.</source>
        <translation>%1 ist beschädigt.</translation>
    </message>
    <message>
        <source>Cannot remove %1: %2</source>
        <translation>%1 kann nicht entfernt werden: %2</translation>
    </message>
    <message>
        <source>Cannot remove %1</source>
        <translation>%1 kann nicht entfernt werden</translation>
    </message>
    <message>
        <source>%1 is damaged; remove it to clear the dynamic main mode and quick mode policies.</source>
        <translation>%1 ist beschädigt; entfernen Sie die Datei, um die dynamischen Hauptmodus- und Schnellmodusrichtlinien zu löschen.</translation>
    </message>
</context>
<context>
    <name>ipsec::SafeFile</name>
    <message>
        <source>%1 is a symbolic link that belongs to another user (uid %2); nothing was written, so that the file it points to stays untouched. Remove the link or choose another name.</source>
        <translation>%1 ist ein symbolischer Link, der einem anderen Benutzer gehört (UID %2); es wurde nichts geschrieben, damit die Datei, auf die er zeigt, unverändert bleibt. Entfernen Sie den Link oder wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <source>Cannot write %1: too many levels of symbolic links.</source>
        <translation>%1 kann nicht geschrieben werden: zu viele Ebenen symbolischer Links.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2. The file was left as it was.</source>
        <translation>%1 kann nicht geschrieben werden: %2. Die Datei blieb unverändert.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1: %2 is not a folder.</source>
        <translation>Der Ordner %1 kann nicht erstellt werden: %2 ist kein Ordner.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1: %2</source>
        <translation>Der Ordner %1 kann nicht erstellt werden: %2</translation>
    </message>
</context>
<context>
    <name>ipsec::SecurityMethod</name>
    <message>
        <source>&quot;%1&quot; is not a security method: %2</source>
        <translation>&quot;%1&quot; ist keine Sicherheitsmethode: %2</translation>
    </message>
    <message>
        <source>expected ESP[Cipher,Hash], AH[Hash] or AH[Hash]+ESP[Cipher,Hash], optionally followed by :KBk/SECONDSs.</source>
        <translation>erwartet wird ESP[Cipher,Hash], AH[Hash] oder AH[Hash]+ESP[Cipher,Hash], optional gefolgt von :KBk/SECONDSs.</translation>
    </message>
    <message>
        <source>neither AH nor ESP is given.</source>
        <translation>weder AH noch ESP ist angegeben.</translation>
    </message>
    <message>
        <source>&apos;+&apos; joins exactly one AH and one ESP part.</source>
        <translation>&apos;+&apos; verbindet genau einen AH- und einen ESP-Teil.</translation>
    </message>
    <message>
        <source>AH takes MD5 or SHA1, not &quot;%1&quot;.</source>
        <translation>AH akzeptiert MD5 oder SHA1, nicht &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>ESP takes a cipher (None, DES, 3DES) and a hash (None, MD5, SHA1).</source>
        <translation>ESP akzeptiert eine Verschlüsselung (None, DES, 3DES) und einen Hash (None, MD5, SHA1).</translation>
    </message>
    <message>
        <source>A security method needs AH, ESP or both.</source>
        <translation>Eine Sicherheitsmethode benötigt AH, ESP oder beides.</translation>
    </message>
    <message>
        <source>ESP[None,None] protects nothing.</source>
        <translation>ESP[None,None] schützt nichts.</translation>
    </message>
    <message>
        <source>A key lifetime of %1 seconds is below the minimum of 300.</source>
        <translation>Eine Schlüssellebensdauer von %1 Sekunden liegt unter dem Minimum von 300.</translation>
    </message>
    <message>
        <source>A key lifetime of %1 KB is below the minimum of 20480.</source>
        <translation>Eine Schlüssellebensdauer von %1 KB liegt unter dem Minimum von 20480.</translation>
    </message>
</context>
<context>
    <name>ipsec::Snapshot</name>
    <message>
        <source>There is no policy &quot;%1&quot;.</source>
        <translation>Es gibt keine Richtlinie &quot;%1&quot;.</translation>
    </message>
</context>
<context>
    <name>ipsec::SnapshotDiff</name>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>assigned policy</source>
        <translation>zugewiesene Richtlinie</translation>
    </message>
    <message>
        <source>policy</source>
        <translation>Richtlinie</translation>
    </message>
    <message>
        <source>rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>filter list</source>
        <translation>Filterliste</translation>
    </message>
    <message>
        <source>filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>filter action</source>
        <translation>Filteraktion</translation>
    </message>
    <message>
        <source>assignment</source>
        <translation>Zuweisung</translation>
    </message>
    <message>
        <source>dynamic filter</source>
        <translation>dynamischer Filter</translation>
    </message>
    <message>
        <source>kernel entry</source>
        <translation>Kernel-Eintrag</translation>
    </message>
    <message>
        <source>No differences.</source>
        <translation>Keine Unterschiede.</translation>
    </message>
    <message numerus="yes">
        <source>%n difference(s).</source>
        <translation>
            <numerusform>%n Unterschied.</numerusform>
            <numerusform>%n Unterschiede.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ipsec::SnapshotFormat</name>
    <message>
        <source>&quot;%1&quot; is not a snapshot format: expected json, netsh, ipseccmd or html.</source>
        <translation>&quot;%1&quot; ist kein Format für Momentaufnahmen: erwartet wird json, netsh, ipseccmd oder html.</translation>
    </message>
</context>
<context>
    <name>ipsec::SnapshotMerge</name>
    <message>
        <source>%1 &quot;%2&quot; exists with another guid</source>
        <translation>%1 &quot;%2&quot; existiert mit einer anderen GUID</translation>
    </message>
    <message>
        <source>%1: kept the existing one.</source>
        <translation>%1: das vorhandene Objekt wurde behalten.</translation>
    </message>
    <message>
        <source>%1: imported as &quot;%2&quot;.</source>
        <translation>%1: als &quot;%2&quot; importiert.</translation>
    </message>
    <message>
        <source>%1: replaced by the imported one.</source>
        <translation>%1: durch das importierte Objekt ersetzt.</translation>
    </message>
    <message>
        <source>Filter list</source>
        <translation>Filterliste</translation>
    </message>
    <message>
        <source>Filter action</source>
        <translation>Filteraktion</translation>
    </message>
    <message numerus="yes">
        <source>%n name clash(es), nothing was imported: %1 Choose how to settle them (rename, skip or overwrite).</source>
        <translation>
            <numerusform>%n Namenskonflikt, es wurde nichts importiert: %1 Wählen Sie, wie er gelöst werden soll (rename, skip oder overwrite).</numerusform>
            <numerusform>%n Namenskonflikte, es wurde nichts importiert: %1 Wählen Sie, wie sie gelöst werden sollen (rename, skip oder overwrite).</numerusform>
        </translation>
    </message>
    <message>
        <source>A filter of list &quot;%1&quot; had the guid of another list&apos;s filter; it was given a new one.</source>
        <translation>Ein Filter der Liste &quot;%1&quot; hatte die GUID eines Filters einer anderen Liste; er hat eine neue erhalten.</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>Richtlinie</translation>
    </message>
    <message>
        <source>Rule &quot;%1&quot; of policy &quot;%2&quot; exists with another guid</source>
        <translation>Regel &quot;%1&quot; der Richtlinie &quot;%2&quot; existiert mit einer anderen GUID</translation>
    </message>
    <message>
        <source>The snapshot assigns &quot;%1&quot;; a merge keeps the current assignment (none). Assign it yourself if you want it in force.</source>
        <translation>Die Momentaufnahme weist &quot;%1&quot; zu; ein Zusammenführen behält die aktuelle Zuweisung (keine) bei. Weisen Sie die Richtlinie selbst zu, wenn sie in Kraft sein soll.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a clash rule: expected fail, rename, skip or overwrite.</source>
        <translation>&quot;%1&quot; ist keine Regel für Namenskonflikte: erwartet wird fail, rename, skip oder overwrite.</translation>
    </message>
</context>
<context>
    <name>ipsec::SnapshotReader</name>
    <message>
        <source>Snapshot %1: %2</source>
        <translation>Momentaufnahme %1: %2</translation>
    </message>
    <message>
        <source>the key &quot;%1&quot; is missing.</source>
        <translation>der Schlüssel &quot;%1&quot; fehlt.</translation>
    </message>
    <message>
        <source>unknown key &quot;%1&quot;.</source>
        <translation>unbekannter Schlüssel &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>the text contains an unpaired surrogate (a \u escape of half a character).</source>
        <translation>der Text enthält ein unpaariges Surrogat (eine \u-Escape-Sequenz für ein halbes Zeichen).</translation>
    </message>
    <message>
        <source>expected a string, found %1.</source>
        <translation>erwartet wird eine Zeichenkette, gefunden wurde %1.</translation>
    </message>
    <message>
        <source>the text is longer than %1 characters.</source>
        <translation>der Text ist länger als %1 Zeichen.</translation>
    </message>
    <message>
        <source>an empty string; use null for none.</source>
        <translation>eine leere Zeichenkette; verwenden Sie null für keinen Wert.</translation>
    </message>
    <message>
        <source>expected true or false, found %1.</source>
        <translation>erwartet wird true oder false, gefunden wurde %1.</translation>
    </message>
    <message>
        <source>expected a whole number, found %1.</source>
        <translation>erwartet wird eine ganze Zahl, gefunden wurde %1.</translation>
    </message>
    <message>
        <source>%1 is out of range (%2-%3).</source>
        <translation>%1 liegt außerhalb des gültigen Bereichs (%2-%3).</translation>
    </message>
    <message>
        <source>%1 is not a whole number.</source>
        <translation>%1 ist keine ganze Zahl.</translation>
    </message>
    <message>
        <source>expected an array, found %1.</source>
        <translation>erwartet wird ein Array, gefunden wurde %1.</translation>
    </message>
    <message>
        <source>%1 entries, more than the %2 allowed.</source>
        <translation>%1 Einträge, mehr als die erlaubten %2.</translation>
    </message>
    <message>
        <source>expected an object, found %1.</source>
        <translation>erwartet wird ein Objekt, gefunden wurde %1.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a guid like {01234567-89ab-cdef-0123-456789abcdef}.</source>
        <translation>&quot;%1&quot; ist keine GUID wie {01234567-89ab-cdef-0123-456789abcdef}.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not one of %2.</source>
        <translation>&quot;%1&quot; ist keiner der Werte %2.</translation>
    </message>
    <message>
        <source>not an IPsec Policy Console snapshot (expected &quot;%1&quot;, found %2).</source>
        <translation>keine Momentaufnahme der IPsec Policy Console (erwartet wurde &quot;%1&quot;, gefunden wurde %2).</translation>
    </message>
    <message>
        <source>version %1 is not supported; this program reads version %2.</source>
        <translation>Version %1 wird nicht unterstützt; dieses Programm liest Version %2.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an ISO 8601 time.</source>
        <translation>&quot;%1&quot; ist keine ISO-8601-Zeitangabe.</translation>
    </message>
    <message>
        <source>the document holds no policy &quot;%1&quot;.</source>
        <translation>das Dokument enthält keine Richtlinie &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>a second %1 named &quot;%2&quot;.</source>
        <translation>eine zweite %1 namens &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>the guid %1 is used twice.</source>
        <translation>die GUID %1 wird zweimal verwendet.</translation>
    </message>
    <message>
        <source>more than %1 filters in all.</source>
        <translation>insgesamt mehr als %1 Filter.</translation>
    </message>
    <message>
        <source>filter list</source>
        <translation>Filterliste</translation>
    </message>
    <message>
        <source>filter action</source>
        <translation>Filteraktion</translation>
    </message>
    <message>
        <source>the %1 %2 is named &quot;%3&quot;, not &quot;%4&quot;.</source>
        <translation>die %1 %2 heißt &quot;%3&quot;, nicht &quot;%4&quot;.</translation>
    </message>
    <message>
        <source>refers to %1 %2 (&quot;%3&quot;), which the document does not hold.</source>
        <translation>verweist auf die %1 %2 (&quot;%3&quot;), die das Dokument nicht enthält.</translation>
    </message>
    <message>
        <source>the default response rule has no filter list or filter action; both must be null.</source>
        <translation>die Standardantwortregel hat keine Filterliste und keine Filteraktion; beide müssen null sein.</translation>
    </message>
    <message>
        <source>Kerberos takes no data; expected &quot;&quot;.</source>
        <translation>Kerberos hat keine Daten; erwartet wird &quot;&quot;.</translation>
    </message>
    <message>
        <source>a preshared key or certificate authority is needed.</source>
        <translation>ein vorinstallierter Schlüssel oder eine Zertifizierungsstelle ist erforderlich.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an ISO 8601 UTC time (2024-01-31T12:00:00.000Z).</source>
        <translation>&quot;%1&quot; ist keine ISO-8601-UTC-Zeitangabe (2024-01-31T12:00:00.000Z).</translation>
    </message>
    <message>
        <source>policy</source>
        <translation>Richtlinie</translation>
    </message>
    <message>
        <source>more than %1 rules in all.</source>
        <translation>insgesamt mehr als %1 Regeln.</translation>
    </message>
    <message>
        <source>rule in this policy</source>
        <translation>Regel in dieser Richtlinie</translation>
    </message>
    <message>
        <source>too many counters.</source>
        <translation>zu viele Zähler.</translation>
    </message>
    <message>
        <source>The snapshot is %1 bytes, more than the %2 MiB allowed.</source>
        <translation>Die Momentaufnahme ist %1 Byte groß, mehr als die erlaubten %2 MiB.</translation>
    </message>
    <message>
        <source>The snapshot is empty.</source>
        <translation>Die Momentaufnahme ist leer.</translation>
    </message>
    <message>
        <source>The snapshot is not valid UTF-8 (byte 0x%1 at offset %2).</source>
        <translation>Die Momentaufnahme ist kein gültiges UTF-8 (Byte 0x%1 an Offset %2).</translation>
    </message>
    <message>
        <source>The snapshot is not valid JSON: %1 at offset %2.</source>
        <translation>Die Momentaufnahme ist kein gültiges JSON: %1 an Offset %2.</translation>
    </message>
    <message>
        <source>The snapshot is not a JSON object.</source>
        <translation>Die Momentaufnahme ist kein JSON-Objekt.</translation>
    </message>
    <message>
        <source>policySource must be &quot;domain&quot; or &quot;cached domain&quot;, not &quot;%1&quot;.</source>
        <translation>policySource muss &quot;domain&quot; oder &quot;cached domain&quot; sein, nicht &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>expected &quot;esp&quot; or &quot;ah&quot;.</source>
        <translation>&quot;esp&quot; oder &quot;ah&quot; erwartet.</translation>
    </message>
</context>
<context>
    <name>ipsec::SshGuard</name>
    <message>
        <source>The SSH connection &quot;%1&quot; is not &quot;client-address client-port server-address server-port&quot;.</source>
        <translation>Die SSH-Verbindung &quot;%1&quot; hat nicht die Form &quot;client-address client-port server-address server-port&quot;.</translation>
    </message>
    <message>
        <source>the dynamic filter %1</source>
        <translation>den dynamischen Filter %1</translation>
    </message>
    <message>
        <source>filter %1 of filter list &quot;%2&quot; in rule &quot;%3&quot; of policy &quot;%4&quot;</source>
        <translation>Filter %1 der Filterliste &quot;%2&quot; in der Regel &quot;%3&quot; der Richtlinie &quot;%4&quot;</translation>
    </message>
    <message>
        <source>its inbound packets (TCP %1 → %2)</source>
        <translation>ihre eingehenden Pakete (TCP %1 → %2)</translation>
    </message>
    <message>
        <source>its outbound replies (TCP %1 → %2)</source>
        <translation>ihre ausgehenden Antworten (TCP %1 → %2)</translation>
    </message>
    <message>
        <source>This change would cut your own SSH connection from %1 to %2: %3 would be blocked by %4.</source>
        <translation>Diese Änderung würde Ihre eigene SSH-Verbindung von %1 zu %2 unterbrechen: %3 würden durch %4 blockiert.</translation>
    </message>
    <message>
        <source>Refused: %1 Nothing was changed. To apply it anyway, add --force (in the console: Apply Anyway); with --confirm-within SECONDS it is rolled back unless you confirm it in time.</source>
        <translation>Abgelehnt: %1 Es wurde nichts geändert. Um die Änderung trotzdem anzuwenden, fügen Sie --force hinzu (in der Konsole: Trotzdem anwenden); mit --confirm-within SECONDS wird sie rückgängig gemacht, sofern Sie sie nicht rechtzeitig bestätigen.</translation>
    </message>
</context>
<context>
    <name>ipsec::StaticCommand</name>
    <message>
        <source>Static mode (-w) needs a policy name: add -p &quot;Policy Name&quot;.</source>
        <translation>Der statische Modus (-w) benötigt einen Richtliniennamen: Fügen Sie -p &quot;Richtlinienname&quot; hinzu.</translation>
    </message>
    <message>
        <source>-u deletes dynamic filters and cannot be combined with -w.</source>
        <translation>-u löscht dynamische Filter und kann nicht mit -w kombiniert werden.</translation>
    </message>
    <message>
        <source>-x (assign) and -y (unassign) contradict each other.</source>
        <translation>-x (Zuweisen) und -y (Zuweisung aufheben) widersprechen sich.</translation>
    </message>
    <message>
        <source>-o (delete) and -x (assign) contradict each other.</source>
        <translation>-o (Löschen) und -x (Zuweisen) widersprechen sich.</translation>
    </message>
    <message>
        <source>-o deletes; it cannot be combined with -f.</source>
        <translation>-o löscht; es kann nicht mit -f kombiniert werden.</translation>
    </message>
    <message>
        <source>Filters (-f) in static mode belong to a rule: add -r &quot;Rule Name&quot;.</source>
        <translation>Filter (-f) gehören im statischen Modus zu einer Regel: Fügen Sie -r &quot;Regelname&quot; hinzu.</translation>
    </message>
    <message>
        <source>Filters (-f) go into one rule, but %1 rule names (-r) were given.</source>
        <translation>Filter (-f) gehören in eine einzige Regel, es wurden aber %1 Regelnamen (-r) angegeben.</translation>
    </message>
    <message>
        <source>[ ] and ( ) mark dynamic block and pass filters; in static mode (-w) give the action with -n BLOCK or -n PASS instead.</source>
        <translation>[ ] und ( ) kennzeichnen dynamische Blockier- und Zulassungsfilter; geben Sie im statischen Modus (-w) die Aktion stattdessen mit -n BLOCK oder -n PASS an.</translation>
    </message>
    <message>
        <source>Rule %1 needs filters: add -f SPEC, or -o to delete it.</source>
        <translation>Die Regel %1 benötigt Filter: Fügen Sie -f SPEC hinzu oder -o, um sie zu löschen.</translation>
    </message>
    <message>
        <source>The polling interval %1 is out of range (1-43200 minutes).</source>
        <translation>Das Abrufintervall %1 liegt außerhalb des gültigen Bereichs (1-43200 Minuten).</translation>
    </message>
    <message>
        <source>There is no policy named %1.</source>
        <translation>Es gibt keine Richtlinie namens %1.</translation>
    </message>
    <message>
        <source>Unassigned policy %1.</source>
        <translation>Zuweisung der Richtlinie %1 aufgehoben.</translation>
    </message>
    <message>
        <source>Policy %1 was not assigned; nothing to unassign.</source>
        <translation>Die Richtlinie %1 war nicht zugewiesen; keine Zuweisung aufzuheben.</translation>
    </message>
    <message>
        <source>Policy %1 now checks for changes every %2 minutes.</source>
        <translation>Die Richtlinie %1 prüft jetzt alle %2 Minuten auf Änderungen.</translation>
    </message>
    <message numerus="yes">
        <source>%n filter(s), action %1</source>
        <translation>
            <numerusform>%n Filter, Aktion %1</numerusform>
            <numerusform>%n Filter, Aktion %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Replaced rule %1 of policy %2: %3.</source>
        <translation>Regel %1 der Richtlinie %2 ersetzt: %3.</translation>
    </message>
    <message>
        <source>Added rule %1 to policy %2: %3.</source>
        <translation>Regel %1 zur Richtlinie %2 hinzugefügt: %3.</translation>
    </message>
    <message>
        <source>Block all traffic that matches the filter list.</source>
        <translation>Gesamten Datenverkehr blockieren, der der Filterliste entspricht.</translation>
    </message>
    <message>
        <source>Permit unsecured IP packets to pass through.</source>
        <translation>Ungesicherte IP-Pakete passieren lassen.</translation>
    </message>
    <message>
        <source>Negotiate %1</source>
        <translation>Sicherheit aushandeln: %1</translation>
    </message>
    <message>
        <source>, inbound pass-through</source>
        <translation>, eingehender Passthrough</translation>
    </message>
    <message>
        <source>, fall back to clear</source>
        <translation>, Fallback auf unverschlüsselt</translation>
    </message>
    <message>
        <source>Created by ipseccmd -n.</source>
        <translation>Erstellt von ipseccmd -n.</translation>
    </message>
    <message>
        <source>No -n given: the rule negotiates security (%1), as on Windows. Use -n BLOCK or -n PASS to block or permit.</source>
        <translation>Kein -n angegeben: Die Regel handelt wie unter Windows Sicherheit aus (%1). Verwenden Sie -n BLOCK oder -n PASS zum Blockieren oder Zulassen.</translation>
    </message>
    <message>
        <source>Created filter action %1.</source>
        <translation>Filteraktion %1 erstellt.</translation>
    </message>
    <message>
        <source>Policy %1 has no rule named %2.</source>
        <translation>Die Richtlinie %1 hat keine Regel namens %2.</translation>
    </message>
    <message>
        <source>Deleted rule %1.</source>
        <translation>Regel %1 gelöscht.</translation>
    </message>
    <message>
        <source>Policy %1 now offers the main mode methods %2.</source>
        <translation>Die Richtlinie %1 bietet jetzt die Hauptmodusmethoden %2 an.</translation>
    </message>
    <message>
        <source>Policy %1 now starts a new main mode after %2 seconds or %3 quick modes (0: no limit); master key PFS: %4.</source>
        <translation>Richtlinie %1 startet jetzt nach %2 Sekunden oder %3 Schnellmodi einen neuen Hauptmodus (0: keine Begrenzung); Hauptschlüssel-PFS: %4.</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
</context>
<context>
    <name>ipsec::StoreContents</name>
    <message>
        <source>Rule &quot;%1&quot; belongs to policy id %2, which is missing.</source>
        <translation>Die Regel &quot;%1&quot; gehört zur Richtlinie mit der ID %2, die fehlt.</translation>
    </message>
    <message>
        <source>Rule &quot;%1&quot; uses filter list id %2, which is missing.</source>
        <translation>Die Regel &quot;%1&quot; verwendet die Filterliste mit der ID %2, die fehlt.</translation>
    </message>
    <message>
        <source>Rule &quot;%1&quot; uses filter action id %2, which is missing.</source>
        <translation>Die Regel &quot;%1&quot; verwendet die Filteraktion mit der ID %2, die fehlt.</translation>
    </message>
</context>
<context>
    <name>ipsec::ds::BlobReader</name>
    <message numerus="yes">
        <source>needs %n byte(s), but the blob ends %1 byte(s) later</source>
        <translation>
            <numerusform>benötigt %n Byte, aber der Blob endet %1 Byte(s) später</numerusform>
            <numerusform>benötigt %n Bytes, aber der Blob endet %1 Byte(s) später</numerusform>
        </translation>
    </message>
    <message>
        <source>says %1 bytes, but only %2 follow</source>
        <translation>gibt %1 Bytes an, aber es folgen nur %2</translation>
    </message>
    <message>
        <source>gives an odd length (%1) for UTF-16 text</source>
        <translation>gibt eine ungerade Länge (%1) für UTF-16-Text an</translation>
    </message>
    <message>
        <source>is not terminated by a NUL character</source>
        <translation>ist nicht durch ein NUL-Zeichen abgeschlossen</translation>
    </message>
    <message>
        <source>announces %1 entries of at least %2 bytes, but only %3 bytes follow</source>
        <translation>kündigt %1 Einträge zu mindestens %2 Bytes an, aber es folgen nur %3 Bytes</translation>
    </message>
</context>
<context>
    <name>ipsec::ds::DirectoryDiscovery</name>
    <message>
        <source>This computer does not seem to be a member of a domain: neither %1 nor %2 names a realm, nor %3 with a host keytab %4. Give the directory with --directory ldap://HOST or IPSEC_CONSOLE_DIRECTORY.</source>
        <translation>Dieser Computer scheint kein Mitglied einer Domäne zu sein: Weder %1 noch %2 nennt einen Realm, noch %3 mit einer Host-Keytab %4. Geben Sie das Verzeichnis mit --directory ldap://HOST oder IPSEC_CONSOLE_DIRECTORY an.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a DNS name.</source>
        <translation>&quot;%1&quot; ist kein DNS-Name.</translation>
    </message>
    <message>
        <source>The DNS resolver cannot be set up (/etc/resolv.conf).</source>
        <translation>Der DNS-Resolver kann nicht eingerichtet werden (/etc/resolv.conf).</translation>
    </message>
    <message>
        <source>DNS has no SRV record %1 (no domain controller found).</source>
        <translation>DNS hat keinen SRV-Eintrag %1 (kein Domänencontroller gefunden).</translation>
    </message>
    <message>
        <source>The DNS answer for %1 cannot be read.</source>
        <translation>Die DNS-Antwort für %1 kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Give the directory with --directory ldap://HOST or IPSEC_CONSOLE_DIRECTORY.</source>
        <translation>Geben Sie das Verzeichnis mit --directory ldap://HOST oder IPSEC_CONSOLE_DIRECTORY an.</translation>
    </message>
</context>
<context>
    <name>ipsec::ds::DirectoryOptions</name>
    <message>
        <source>The directory &quot;%1&quot; is not an LDAP address: use ldap://HOST, ldap://HOST:PORT or ldaps://HOST.</source>
        <translation>Das Verzeichnis „%1“ ist keine LDAP-Adresse: Verwenden Sie ldap://HOST, ldap://HOST:PORT oder ldaps://HOST.</translation>
    </message>
    <message>
        <source>The bind DN &quot;%1&quot; needs a password file: give --bind-password-file FILE or set IPSEC_CONSOLE_BIND_PASSWORD_FILE.</source>
        <translation>Der Bind-DN „%1“ benötigt eine Passwortdatei: Geben Sie --bind-password-file FILE an oder setzen Sie IPSEC_CONSOLE_BIND_PASSWORD_FILE.</translation>
    </message>
    <message>
        <source>The password file %1 cannot be read: %2.</source>
        <translation>Die Passwortdatei %1 kann nicht gelesen werden: %2.</translation>
    </message>
    <message>
        <source>The password file %1 is not a regular file.</source>
        <translation>Die Passwortdatei %1 ist keine reguläre Datei.</translation>
    </message>
    <message>
        <source>The password file %1 can be read by other users (mode %2); make it readable by its owner only (chmod 600).</source>
        <translation>Die Passwortdatei %1 kann von anderen Benutzern gelesen werden (Modus %2). Machen Sie sie nur für den Eigentümer lesbar (chmod 600).</translation>
    </message>
    <message>
        <source>The password file %1 is larger than 4 KiB.</source>
        <translation>Die Passwortdatei %1 ist größer als 4 KiB.</translation>
    </message>
    <message>
        <source>The password file %1 is empty.</source>
        <translation>Die Passwortdatei %1 ist leer.</translation>
    </message>
    <message>
        <source>The password file %1 belongs to another user (uid %2); it must belong to root or to you.</source>
        <translation>Die Kennwortdatei %1 gehört einem anderen Benutzer (UID %2); sie muss root oder Ihnen gehören.</translation>
    </message>
</context>
<context>
    <name>ipsec::ds::DirectoryStore</name>
    <message>
        <source>A change of the directory %1 is already in progress; changes cannot be nested.</source>
        <translation>Eine Änderung des Verzeichnisses %1 ist bereits im Gange; Änderungen können nicht verschachtelt werden.</translation>
    </message>
    <message>
        <source>The policy &quot;%1&quot; is not in the directory.</source>
        <translation>Die Richtlinie &quot;%1&quot; ist nicht im Verzeichnis vorhanden.</translation>
    </message>
</context>
<context>
    <name>ipsec::ds::DomainPolicyFetcher</name>
    <message>
        <source>The directory&apos;s policy %1 could not be read whole.</source>
        <translation>Die Richtlinie %1 des Verzeichnisses konnte nicht vollständig gelesen werden.</translation>
    </message>
    <message>
        <source>There is no cached domain policy (%1).</source>
        <translation>Es ist keine zwischengespeicherte Domänenrichtlinie vorhanden (%1).</translation>
    </message>
    <message>
        <source>The cached domain policy %1 is unreadable: %2.</source>
        <translation>Die zwischengespeicherte Domänenrichtlinie %1 ist nicht lesbar: %2.</translation>
    </message>
    <message>
        <source>unknown version</source>
        <translation>unbekannte Version</translation>
    </message>
    <message>
        <source>The cached domain policy %1 holds an object of the unknown class &quot;%2&quot;.</source>
        <translation>Die zwischengespeicherte Domänenrichtlinie %1 enthält ein Objekt der unbekannten Klasse „%2“.</translation>
    </message>
    <message>
        <source>The cached domain policy %1 is refused: %2</source>
        <translation>Die zwischengespeicherte Domänenrichtlinie %1 wird abgelehnt: %2</translation>
    </message>
    <message>
        <source>The GPO %1 assigns the IPsec policy %2, which the directory does not hold.</source>
        <translation>Das GPO %1 weist die IPsec-Richtlinie %2 zu, die im Verzeichnis nicht vorhanden ist.</translation>
    </message>
</context>
<context>
    <name>ipsec::ds::DsModel</name>
    <message>
        <source>The directory object %1 cannot be used: %2</source>
        <translation>Das Verzeichnisobjekt %1 kann nicht verwendet werden: %2</translation>
    </message>
    <message>
        <source>a filter uses a server address (DNS, WINS, DHCP or default gateway) for its %1, which this program cannot enforce yet.</source>
        <translation>ein Filter verwendet für seine %1 eine Serveradresse (DNS, WINS, DHCP oder Standardgateway), die dieses Programm noch nicht durchsetzen kann.</translation>
    </message>
    <message>
        <source>the %1 of a filter: %2</source>
        <translation>%1 eines Filters: %2</translation>
    </message>
    <message>
        <source>a filter&apos;s %1 is an address range, which this program cannot enforce yet.</source>
        <translation>%1 eines Filters ist ein Adressbereich, den dieses Programm noch nicht durchsetzen kann.</translation>
    </message>
    <message>
        <source>a filter names its own tunnel endpoint; this program takes tunnel endpoints from the rule only.</source>
        <translation>ein Filter nennt einen eigenen Tunnelendpunkt; dieses Programm übernimmt Tunnelendpunkte nur aus der Regel.</translation>
    </message>
    <message>
        <source>a filter uses a port range (%1-%2), which this program cannot enforce yet.</source>
        <translation>ein Filter verwendet einen Portbereich (%1-%2), den dieses Programm noch nicht durchsetzen kann.</translation>
    </message>
    <message>
        <source>its iPSECNegotiationPolicyAction %1 is none of block, permit, secure or inbound pass-through.</source>
        <translation>seine iPSECNegotiationPolicyAction %1 ist keine von block, permit, secure oder inbound pass-through.</translation>
    </message>
    <message>
        <source>a security method offers %1 twice, which this program cannot express.</source>
        <translation>eine Sicherheitsmethode bietet %1 doppelt an, was dieses Programm nicht abbilden kann.</translation>
    </message>
    <message>
        <source>the Version Information Object is no rule of a policy.</source>
        <translation>das Version Information Object ist keine Regel einer Richtlinie.</translation>
    </message>
    <message>
        <source>its ipsecNegotiationPolicyReference &quot;%1&quot; names no filter action of the directory.</source>
        <translation>seine ipsecNegotiationPolicyReference „%1“ bezeichnet keine Filteraktion des Verzeichnisses.</translation>
    </message>
    <message>
        <source>its iPSECNegotiationPolicyType %1 is unknown.</source>
        <translation>sein iPSECNegotiationPolicyType %1 ist unbekannt.</translation>
    </message>
    <message>
        <source>the rule has no ipsecFilterReference (filter list).</source>
        <translation>die Regel hat keine ipsecFilterReference (Filterliste).</translation>
    </message>
    <message>
        <source>the rule names %1 filter lists; this program supports one per rule.</source>
        <translation>die Regel nennt %1 Filterlisten; dieses Programm unterstützt eine pro Regel.</translation>
    </message>
    <message>
        <source>its ipsecFilterReference &quot;%1&quot; names no filter list of the directory.</source>
        <translation>seine ipsecFilterReference „%1“ bezeichnet keine Filterliste des Verzeichnisses.</translation>
    </message>
    <message>
        <source>its ipsecDataType is %1, but must be 256 (or 598, as Windows writes).</source>
        <translation>sein ipsecDataType ist %1, muss aber 256 sein (oder 598, wie Windows schreibt).</translation>
    </message>
    <message>
        <source>its ipsecISAKMPReference &quot;%1&quot; names no ISAKMP policy of the directory.</source>
        <translation>seine ipsecISAKMPReference „%1“ bezeichnet keine ISAKMP-Richtlinie des Verzeichnisses.</translation>
    </message>
    <message>
        <source>its ipsecNFAReference &quot;%1&quot; names no rule of the directory.</source>
        <translation>seine ipsecNFAReference „%1“ bezeichnet keine Regel des Verzeichnisses.</translation>
    </message>
    <message>
        <source>There is no policy with id %1 to write.</source>
        <translation>Es gibt keine Richtlinie mit der ID %1, die geschrieben werden könnte.</translation>
    </message>
    <message>
        <source>The rule &quot;%1&quot; names its tunnel endpoint &quot;%2&quot;, but the directory holds tunnel endpoints as IP addresses only.</source>
        <translation>Die Regel „%1“ nennt ihren Tunnelendpunkt „%2“, aber das Verzeichnis speichert Tunnelendpunkte nur als IP-Adressen.</translation>
    </message>
    <message>
        <source>The rule &quot;%1&quot; names a filter list or filter action that does not exist.</source>
        <translation>Die Regel „%1“ nennt eine Filterliste oder Filteraktion, die nicht existiert.</translation>
    </message>
    <message>
        <source>The main mode method %1 of policy &quot;%2&quot; cannot be stored in the directory: its ISAKMP policy knows DES and 3DES only.</source>
        <translation>Die Hauptmodusmethode %1 der Richtlinie &quot;%2&quot; kann nicht im Verzeichnis gespeichert werden: Deren ISAKMP-Richtlinie kennt nur DES und 3DES.</translation>
    </message>
</context>
<context>
    <name>ipsec::ds::GpipsecCodec</name>
    <message>
        <source>The directory object %1 has an ipsecData blob that cannot be used: its field %2 %3.</source>
        <translation>Das Verzeichnisobjekt %1 hat einen ipsecData-Blob, der nicht verwendet werden kann: Sein Feld %2 %3.</translation>
    </message>
    <message>
        <source>is %1, not %2: this is not the blob this kind of object holds</source>
        <translation>ist %1, nicht %2: Dies ist nicht der Blob, den diese Art von Objekt enthält</translation>
    </message>
    <message>
        <source>says %1 bytes, but %2 follow (it must be one less than what follows)</source>
        <translation>gibt %1 Bytes an, aber es folgen %2 (es muss eins weniger sein als das, was folgt)</translation>
    </message>
    <message numerus="yes">
        <source>is followed by %n unexpected byte(s)</source>
        <translation>
            <numerusform>wird von %n unerwarteten Byte gefolgt</numerusform>
            <numerusform>wird von %n unerwarteten Bytes gefolgt</numerusform>
        </translation>
    </message>
    <message>
        <source>holds the unknown value 0x%1</source>
        <translation>enthält den unbekannten Wert 0x%1</translation>
    </message>
    <message>
        <source>is %1, but must be 4</source>
        <translation>ist %1, muss aber 4 sein</translation>
    </message>
    <message>
        <source>is set although %1 is not</source>
        <translation>ist gesetzt, obwohl %1 es nicht ist</translation>
    </message>
    <message>
        <source>announces %1 methods of 64 bytes, but %2 bytes follow</source>
        <translation>kündigt %1 Methoden zu 64 Bytes an, aber es folgen %2 Bytes</translation>
    </message>
    <message>
        <source>holds data for Kerberos, which takes none</source>
        <translation>enthält Daten für Kerberos, das keine annimmt</translation>
    </message>
    <message>
        <source>is empty: a preshared key or a CA name is needed</source>
        <translation>ist leer: Ein vorinstallierter Schlüssel oder ein CA-Name wird benötigt</translation>
    </message>
    <message>
        <source>says %1 bytes, but only %2 follow</source>
        <translation>gibt %1 Bytes an, aber es folgen nur %2</translation>
    </message>
    <message>
        <source>says %1 bytes, but the fields up to Tunnel-End-Point-Name take %2</source>
        <translation>gibt %1 Bytes an, aber die Felder bis Tunnel-End-Point-Name belegen %2</translation>
    </message>
    <message>
        <source>is %1, but must equal Auth-Method-Count (%2)</source>
        <translation>ist %1, muss aber gleich Auth-Method-Count (%2) sein</translation>
    </message>
    <message>
        <source>is not the Version Information Object&apos;s GUID</source>
        <translation>ist nicht die GUID des Version Information Object</translation>
    </message>
    <message>
        <source>says %1 bytes, but the version record takes %2</source>
        <translation>gibt %1 Bytes an, aber der Versionsdatensatz belegt %2</translation>
    </message>
    <message>
        <source>announces %1 offers of 80 bytes, but %2 bytes follow</source>
        <translation>kündigt %1 Angebote zu 80 Bytes an, aber es folgen %2 Bytes</translation>
    </message>
    <message>
        <source>is %1, but IP protocols go from 0 to 255</source>
        <translation>ist %1, aber IP-Protokolle reichen von 0 bis 255</translation>
    </message>
    <message>
        <source>says both IPv4 and IPv6, which only &apos;me&apos; and the server addresses may say</source>
        <translation>gibt sowohl IPv4 als auch IPv6 an, was nur &apos;me&apos; und die Serveradressen dürfen</translation>
    </message>
    <message>
        <source>gives an IPv6 prefix length of %1</source>
        <translation>gibt eine IPv6-Präfixlänge von %1 an</translation>
    </message>
    <message>
        <source>ends the port range (%1) before it starts (%2)</source>
        <translation>beendet den Portbereich (%1), bevor er beginnt (%2)</translation>
    </message>
    <message>
        <source>says %1 bytes, but %2 follow</source>
        <translation>gibt %1 Bytes an, aber es folgen %2</translation>
    </message>
    <message>
        <source>says %1 bytes, but the filters take %2</source>
        <translation>gibt %1 Bytes an, aber die Filter belegen %2</translation>
    </message>
    <message>
        <source>is %1, not the v2 filters&apos; GUID</source>
        <translation>ist %1, nicht die GUID der v2-Filter</translation>
    </message>
    <message>
        <source>announces %1 filters, but Data-Length1 holds %2</source>
        <translation>kündigt %1 Filter an, aber Data-Length1 enthält %2</translation>
    </message>
</context>
<context>
    <name>ipsec::ds::GpoResolver</name>
    <message>
        <source>The gPLink &quot;%1&quot; is malformed at &quot;%2&quot;: a link must be written [LDAP://DN;OPTIONS].</source>
        <translation>Der gPLink &quot;%1&quot; ist bei &quot;%2&quot; fehlerhaft: Ein Link muss als [LDAP://DN;OPTIONS] geschrieben werden.</translation>
    </message>
    <message>
        <source>The gPLink &quot;%1&quot; has an unclosed link.</source>
        <translation>Der gPLink &quot;%1&quot; enthält einen nicht geschlossenen Link.</translation>
    </message>
    <message>
        <source>The gPLink &quot;%1&quot; has the malformed link &quot;[%2]&quot;.</source>
        <translation>Der gPLink &quot;%1&quot; enthält den fehlerhaften Link &quot;[%2]&quot;.</translation>
    </message>
    <message>
        <source>The computer object %1 is not inside the domain %2.</source>
        <translation>Das Computerobjekt %1 liegt nicht innerhalb der Domäne %2.</translation>
    </message>
    <message>
        <source>The container %1: %2</source>
        <translation>Der Container %1: %2</translation>
    </message>
</context>
<context>
    <name>ipsec::ds::LdapConnection</name>
    <message>
        <source>did not add %1</source>
        <translation>hat %1 nicht hinzugefügt</translation>
    </message>
    <message>
        <source>did not change %1</source>
        <translation>hat %1 nicht geändert</translation>
    </message>
    <message>
        <source>did not take the references of %1</source>
        <translation>hat die Verweise von %1 nicht übernommen</translation>
    </message>
    <message>
        <source>did not answer the search for the GPO %1</source>
        <translation>hat auf die Suche nach dem GPO %1 nicht geantwortet</translation>
    </message>
    <message>
        <source>The directory %1 has no Group Policy object &quot;%2&quot; (give its display name, its {GUID} or its DN).</source>
        <translation>Das Verzeichnis %1 hat kein Gruppenrichtlinienobjekt &quot;%2&quot; (geben Sie seinen Anzeigenamen, seine {GUID} oder seinen DN an).</translation>
    </message>
    <message>
        <source>The directory %1 has more than one Group Policy object named &quot;%2&quot;; give its {GUID}.</source>
        <translation>Das Verzeichnis %1 hat mehr als ein Gruppenrichtlinienobjekt namens &quot;%2&quot;; geben Sie seine {GUID} an.</translation>
    </message>
    <message>
        <source>did not answer the search for GPOs assigning %1</source>
        <translation>hat auf die Suche nach GPOs, die %1 zuweisen, nicht geantwortet</translation>
    </message>
    <message>
        <source>The directory %1 %2: %3.</source>
        <translation>Das Verzeichnis %1 %2: %3.</translation>
    </message>
    <message>
        <source>The directory address &quot;%1&quot; is refused by the LDAP library: %2.</source>
        <translation>Die Verzeichnisadresse &quot;%1&quot; wird von der LDAP-Bibliothek abgelehnt: %2.</translation>
    </message>
    <message>
        <source>cannot be reached</source>
        <translation>ist nicht erreichbar</translation>
    </message>
    <message>
        <source>refused an anonymous bind</source>
        <translation>hat eine anonyme Bindung abgelehnt</translation>
    </message>
    <message>
        <source>refused the bind as %1</source>
        <translation>hat die Bindung als %1 abgelehnt</translation>
    </message>
    <message>
        <source>did not say its naming context</source>
        <translation>hat seinen Namenskontext nicht angegeben</translation>
    </message>
    <message>
        <source>The directory %1 has no defaultNamingContext: is it an Active Directory domain controller?</source>
        <translation>Das Verzeichnis %1 hat keinen defaultNamingContext: Ist es ein Active Directory-Domänencontroller?</translation>
    </message>
    <message>
        <source>cannot page its answer</source>
        <translation>kann seine Antwort nicht seitenweise liefern</translation>
    </message>
    <message>
        <source>The directory %1 has no IPsec container %2.</source>
        <translation>Das Verzeichnis %1 hat keinen IPsec-Container %2.</translation>
    </message>
    <message>
        <source>did not answer the search for IPsec objects</source>
        <translation>hat die Suche nach IPsec-Objekten nicht beantwortet</translation>
    </message>
    <message>
        <source>did not delete %1</source>
        <translation>hat %1 nicht gelöscht</translation>
    </message>
    <message>
        <source>did not answer the search for %1</source>
        <translation>hat die Suche nach %1 nicht beantwortet</translation>
    </message>
    <message>
        <source>did not answer the search for the computer %1</source>
        <translation>hat die Suche nach dem Computer %1 nicht beantwortet</translation>
    </message>
    <message>
        <source>The directory %1 has no computer account %2 (give --computer NAME or set IPSEC_CONSOLE_COMPUTER).</source>
        <translation>Das Verzeichnis %1 hat kein Computerkonto %2 (geben Sie --computer NAME an oder setzen Sie IPSEC_CONSOLE_COMPUTER).</translation>
    </message>
    <message>
        <source>The directory %1 has more than one computer account %2.</source>
        <translation>Das Verzeichnis %1 hat mehr als ein Computerkonto %2.</translation>
    </message>
    <message>
        <source>The container %1: %2</source>
        <translation>Der Container %1: %2</translation>
    </message>
</context>
<context>
    <name>ipsec::ds::LdapDirectory</name>
    <message>
        <source>it belongs to another version of the program</source>
        <translation>es gehört zu einer anderen Version des Programms</translation>
    </message>
    <message>
        <source>it lacks the expected entry points</source>
        <translation>ihm fehlen die erwarteten Einsprungpunkte</translation>
    </message>
    <message>
        <source>The directory cannot be used: the LDAP module %1 could not be loaded (%2). Reinstall the program or check its installation.</source>
        <translation>Das Verzeichnis kann nicht verwendet werden: Das LDAP-Modul %1 konnte nicht geladen werden (%2). Installieren Sie das Programm neu oder prüfen Sie seine Installation.</translation>
    </message>
</context>
<context>
    <name>ipsec::engine::EffectivePolicy</name>
    <message>
        <source>Rule &quot;%1&quot; of policy &quot;%2&quot; is skipped: its filter list or filter action does not exist.</source>
        <translation>Die Regel &quot;%1&quot; der Richtlinie &quot;%2&quot; wird übersprungen: Ihre Filterliste oder Filteraktion existiert nicht.</translation>
    </message>
    <message>
        <source>Filter %1 → %2 is left out: an address could not be resolved or its address families do not match.</source>
        <translation>Der Filter %1 → %2 wird ausgelassen: Eine Adresse konnte nicht aufgelöst werden oder die Adressfamilien passen nicht zusammen.</translation>
    </message>
    <message>
        <source>Filter %1 → %2 is left out for now: %3</source>
        <translation>Filter %1 → %2 wird vorerst ausgelassen: %3</translation>
    </message>
    <message>
        <source>%1 is not known.</source>
        <translation>%1 ist nicht bekannt.</translation>
    </message>
</context>
<context>
    <name>ipsec::engine::Verdict</name>
    <message>
        <source>no match</source>
        <translation>keine Übereinstimmung</translation>
    </message>
    <message>
        <source>permit</source>
        <translation>zulassen</translation>
    </message>
    <message>
        <source>block</source>
        <translation>blockieren</translation>
    </message>
    <message>
        <source>negotiate</source>
        <translation>aushandeln</translation>
    </message>
    <message>
        <source>No filter matches; the packet passes in clear.</source>
        <translation>Kein Filter passt; das Paket wird unverschlüsselt durchgelassen.</translation>
    </message>
    <message>
        <source>IKE traffic (UDP 500/4500) is exempt from filtering; the packet passes.</source>
        <translation>IKE-Datenverkehr (UDP 500/4500) ist von der Filterung ausgenommen; das Paket wird durchgelassen.</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>%1 by the dynamic filter %2.</source>
        <translation>Aktion %1 durch den dynamischen Filter %2.</translation>
    </message>
    <message>
        <source>%1 by filter %2 of rule &quot;%3&quot; in policy &quot;%4&quot;.</source>
        <translation>Aktion %1 durch Filter %2 der Regel &quot;%3&quot; in der Richtlinie &quot;%4&quot;.</translation>
    </message>
</context>
<context>
    <name>ipsec::engine::XfrmCompiler</name>
    <message>
        <source>The policy needs %1 kernel entries but the priority band %2–%3 holds only %4.</source>
        <translation>Die Richtlinie benötigt %1 Kernel-Einträge, aber der Prioritätsbereich %2–%3 fasst nur %4.</translation>
    </message>
</context>
<context>
    <name>ipsec::kernel::AddressWatcher</name>
    <message>
        <source>added</source>
        <translation>hinzugefügt</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>entfernt</translation>
    </message>
    <message>
        <source>address %1 %2</source>
        <translation>Adresse %1 %2</translation>
    </message>
    <message>
        <source>default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>route %1 %2</source>
        <translation>Route %1 %2</translation>
    </message>
    <message>
        <source>addresses or routes changed</source>
        <translation>Adressen oder Routen geändert</translation>
    </message>
</context>
<context>
    <name>ipsec::kernel::NetlinkSpd</name>
    <message>
        <source>Cannot allocate a netlink socket.</source>
        <translation>Es kann kein Netlink-Socket angelegt werden.</translation>
    </message>
    <message>
        <source>Cannot open the XFRM netlink socket: %1</source>
        <translation>Der XFRM-Netlink-Socket kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>injected failure (testing hook)</source>
        <translation>eingeschleuster Fehler (Test-Hook)</translation>
    </message>
    <message>
        <source>Cannot list the XFRM policies: %1</source>
        <translation>Die XFRM-Richtlinien können nicht aufgelistet werden: %1</translation>
    </message>
    <message>
        <source>Refusing to install a policy outside the console&apos;s priority band %1-%2: %3</source>
        <translation>Eine Richtlinie außerhalb des Prioritätsbereichs %1-%2 der Konsole wird nicht installiert: %3</translation>
    </message>
    <message>
        <source>The kernel already has a policy with the same direction and selector: %1</source>
        <translation>Der Kernel hat bereits eine Richtlinie mit derselben Richtung und demselben Selektor: %1</translation>
    </message>
    <message>
        <source>Cannot add the policy (%1): %2</source>
        <translation>Die Richtlinie kann nicht hinzugefügt werden (%1): %2</translation>
    </message>
    <message>
        <source>Refusing to delete a policy the console does not own: %1</source>
        <translation>Eine Richtlinie, die nicht der Konsole gehört, wird nicht gelöscht: %1</translation>
    </message>
    <message>
        <source>No such policy is installed: %1</source>
        <translation>Keine solche Richtlinie installiert: %1</translation>
    </message>
    <message>
        <source>Cannot read the policy (%1): %2</source>
        <translation>Die Richtlinie kann nicht gelesen werden (%1): %2</translation>
    </message>
    <message>
        <source>Refusing to delete a foreign policy with the same selector: %1</source>
        <translation>Eine fremde Richtlinie mit demselben Selektor wird nicht gelöscht: %1</translation>
    </message>
    <message>
        <source>Cannot delete the policy (%1): %2</source>
        <translation>Die Richtlinie kann nicht gelöscht werden (%1): %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Cannot install the policy (%1): %2</source>
        <translation>Die Richtlinie kann nicht installiert werden (%1): %2</translation>
    </message>
    <message>
        <source>The kernel already has a policy with the same direction and selector (%1): %2</source>
        <translation>Der Kernel hat bereits eine Richtlinie mit derselben Richtung und demselben Selektor (%1): %2</translation>
    </message>
    <message>
        <source>Restoring the previous policies failed too: %1</source>
        <translation>Auch das Wiederherstellen der vorherigen Richtlinien ist fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>ipsec::kernel::NetlinkWatcher</name>
    <message>
        <source>Cannot allocate a netlink socket.</source>
        <translation>Es kann kein Netlink-Socket angelegt werden.</translation>
    </message>
    <message>
        <source>Cannot open a netlink socket: %1</source>
        <translation>Ein Netlink-Socket kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>Cannot join netlink group %1: %2</source>
        <translation>Der Netlink-Gruppe %1 kann nicht beigetreten werden: %2</translation>
    </message>
    <message>
        <source>netlink events were lost</source>
        <translation>Netlink-Ereignisse sind verloren gegangen</translation>
    </message>
    <message>
        <source>Reading netlink events failed: %1</source>
        <translation>Das Lesen von Netlink-Ereignissen ist fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>ipsec::kernel::NftBackend</name>
    <message>
        <source>nftables: the library could not create a context.</source>
        <translation>nftables: Die Bibliothek konnte keinen Kontext anlegen.</translation>
    </message>
    <message>
        <source>nftables is not available in this kernel (%1). Block and permit filters need the nf_tables module (modprobe nf_tables), or use --backend xfrm.</source>
        <translation>nftables ist in diesem Kernel nicht verfügbar (%1). Block- und Zulassungsfilter benötigen das Modul nf_tables (modprobe nf_tables), oder verwenden Sie --backend xfrm.</translation>
    </message>
    <message>
        <source>nftables refused the change.</source>
        <translation>nftables hat die Änderung abgelehnt.</translation>
    </message>
    <message>
        <source>nftables: %1 The previous ruleset is unchanged.</source>
        <translation>nftables: %1 Der bisherige Regelsatz ist unverändert.</translation>
    </message>
    <message>
        <source>injected failure (testing hook).</source>
        <translation>eingeschleuster Fehler (Test-Hook).</translation>
    </message>
    <message>
        <source>nftables: no recorded table to change.</source>
        <translation>nftables: keine aufgezeichnete Tabelle zum Ändern.</translation>
    </message>
    <message>
        <source>nftables: the library %1 could not be loaded (%2). Listings of the table and drift detection need it (package libnftables1).</source>
        <translation>nftables: Die Bibliothek %1 konnte nicht geladen werden (%2). Auflistungen der Tabelle und die Erkennung von Abweichungen benötigen sie (Paket libnftables1).</translation>
    </message>
</context>
<context>
    <name>ipsec::kernel::NftNetlink</name>
    <message>
        <source>nftables: cannot open a netlink socket: %1</source>
        <translation>nftables: Netlink-Socket kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>nftables: cannot bind a netlink socket: %1</source>
        <translation>nftables: Netlink-Socket kann nicht gebunden werden: %1</translation>
    </message>
    <message>
        <source>nftables: %1</source>
        <translation>nftables: %1</translation>
    </message>
    <message>
        <source>nftables: the ruleset changed while the change was prepared.</source>
        <translation>nftables: Der Regelsatz wurde geändert, während die Änderung vorbereitet wurde.</translation>
    </message>
    <message>
        <source>nftables: %1.</source>
        <translation>nftables: %1.</translation>
    </message>
    <message>
        <source>nftables: %1 (%2).</source>
        <translation>nftables: %1 (%2).</translation>
    </message>
    <message>
        <source>nftables: the table has no set %1.</source>
        <translation>nftables: Die Tabelle enthält kein Set %1.</translation>
    </message>
    <message>
        <source>nftables: set %1 has a malformed element.</source>
        <translation>nftables: Das Set %1 hat ein fehlerhaftes Element.</translation>
    </message>
</context>
<context>
    <name>ipsec::kernel::NftWatcher</name>
    <message>
        <source>the nftables table inet ipsec_console was deleted by another program</source>
        <translation>die nftables-Tabelle inet ipsec_console wurde von einem anderen Programm gelöscht</translation>
    </message>
    <message>
        <source>elements of the nftables table inet ipsec_console were changed by another program</source>
        <translation>Elemente der nftables-Tabelle inet ipsec_console wurden von einem anderen Programm geändert</translation>
    </message>
    <message>
        <source>the nftables table inet ipsec_console was changed by another program</source>
        <translation>die nftables-Tabelle inet ipsec_console wurde von einem anderen Programm geändert</translation>
    </message>
</context>
<context>
    <name>ipsec::kernel::ServerConfigWatcher</name>
    <message>
        <source>Changes of the DNS and DHCP servers are not followed: %1 cannot be watched.</source>
        <translation>Änderungen der DNS- und DHCP-Server werden nicht verfolgt: %1 kann nicht überwacht werden.</translation>
    </message>
    <message>
        <source>DNS servers</source>
        <translation>DNS-Server</translation>
    </message>
    <message>
        <source>DHCP server</source>
        <translation>DHCP-Server</translation>
    </message>
</context>
<context>
    <name>ipsec::kernel::SpdWatcher</name>
    <message>
        <source>an IPsec policy was added or changed by another program</source>
        <translation>eine IPsec-Richtlinie wurde von einem anderen Programm hinzugefügt oder geändert</translation>
    </message>
    <message>
        <source>an IPsec policy was deleted by another program</source>
        <translation>eine IPsec-Richtlinie wurde von einem anderen Programm gelöscht</translation>
    </message>
    <message>
        <source>the IPsec policies were flushed by another program</source>
        <translation>die IPsec-Richtlinien wurden von einem anderen Programm geleert</translation>
    </message>
</context>
<context>
    <name>ipsec::kernel::SystemServers</name>
    <message>
        <source>the routing table could not be read (%1).</source>
        <translation>die Routingtabelle konnte nicht gelesen werden (%1).</translation>
    </message>
    <message>
        <source>this computer has no default gateway (no default route with a gateway in its network namespace).</source>
        <translation>dieser Computer hat kein Standardgateway (keine Standardroute mit einem Gateway in seinem Netzwerk-Namespace).</translation>
    </message>
    <message>
        <source>there is no %1, so no DNS server is known.</source>
        <translation>es gibt kein %1, daher ist kein DNS-Server bekannt.</translation>
    </message>
    <message>
        <source>%1 names no DNS server (no &quot;nameserver&quot; line).</source>
        <translation>%1 nennt keinen DNS-Server (keine &quot;nameserver&quot;-Zeile).</translation>
    </message>
    <message>
        <source>the DHCP server is not known: no current DHCP lease of an interface of this network namespace was found (dhclient, systemd-networkd and NetworkManager leases in %1).</source>
        <translation>der DHCP-Server ist nicht bekannt: Es wurde keine aktuelle DHCP-Lease einer Schnittstelle dieses Netzwerk-Namespace gefunden (Leases von dhclient, systemd-networkd und NetworkManager in %1).</translation>
    </message>
</context>
<context>
    <name>ipsec::kernel::XfrmStatistics</name>
    <message>
        <source>%1 does not exist: the kernel has no XFRM statistics (CONFIG_XFRM_STATISTICS is off).</source>
        <translation>%1 existiert nicht: Der Kernel hat keine XFRM-Statistik (CONFIG_XFRM_STATISTICS ist deaktiviert).</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Unexpected line %1 in the XFRM statistics: &quot;%2&quot;</source>
        <translation>Unerwartete Zeile %1 in der XFRM-Statistik: &quot;%2&quot;</translation>
    </message>
    <message>
        <source>The XFRM statistics are empty.</source>
        <translation>Die XFRM-Statistik ist leer.</translation>
    </message>
</context>
<context>
    <name>ipsec::syntax::BatchArithmetic</name>
    <message>
        <source>Missing operator.</source>
        <translation>Fehlender Operator.</translation>
    </message>
    <message>
        <source>Divide by zero error.</source>
        <translation>Fehler: Division durch Null.</translation>
    </message>
    <message>
        <source>Unbalanced parenthesis.</source>
        <translation>Unausgeglichene Klammern.</translation>
    </message>
    <message>
        <source>Missing operand.</source>
        <translation>Fehlender Operand.</translation>
    </message>
    <message>
        <source>Invalid number &quot;%1&quot;. Numeric constants are either decimal (17), hexadecimal (0x11) or octal (021), and limited to 32 bits.</source>
        <translation>Ungültige Zahl &quot;%1&quot;. Numerische Konstanten sind entweder dezimal (17), hexadezimal (0x11) oder oktal (021) und auf 32 Bit begrenzt.</translation>
    </message>
    <message>
        <source>The syntax of the command is incorrect.</source>
        <translation>Die Syntax des Befehls ist falsch.</translation>
    </message>
</context>
<context>
    <name>ipsec::syntax::IpsecCmdParser</name>
    <message>
        <source>%1 is a placeholder: put a port number such as 1434</source>
        <translation>%1 ist ein Platzhalter: Setzen Sie eine Portnummer wie 1434 ein</translation>
    </message>
    <message>
        <source>%1 is a placeholder: put a protocol such as TCP or UDP</source>
        <translation>%1 ist ein Platzhalter: Setzen Sie ein Protokoll wie TCP oder UDP ein</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an address: * may only replace whole trailing octets, as in 144.92.*.*</source>
        <translation>&quot;%1&quot; ist keine Adresse: * darf nur ganze Oktette am Ende ersetzen, wie in 144.92.*.*</translation>
    </message>
    <message>
        <source>0 means this computer and takes no mask other than 255.255.255.255, not &quot;%1&quot;</source>
        <translation>0 steht für diesen Computer und akzeptiert keine andere Maske als 255.255.255.255, nicht &quot;%1&quot;</translation>
    </message>
    <message>
        <source>* means any address and takes no mask (&quot;%1&quot;)</source>
        <translation>* steht für eine beliebige Adresse und akzeptiert keine Maske (&quot;%1&quot;)</translation>
    </message>
    <message>
        <source>&quot;%1/%2&quot;: an address with * takes no mask</source>
        <translation>&quot;%1/%2&quot;: Eine Adresse mit * akzeptiert keine Maske</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a DNS name and takes no mask (&quot;%2&quot;)</source>
        <translation>&quot;%1&quot; ist ein DNS-Name und akzeptiert keine Maske (&quot;%2&quot;)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an IP address or DNS name (0 = this computer, * = any address)</source>
        <translation>&quot;%1&quot; ist keine IP-Adresse und kein DNS-Name (0 = dieser Computer, * = beliebige Adresse)</translation>
    </message>
    <message>
        <source>source</source>
        <translation>Quell</translation>
    </message>
    <message>
        <source>destination</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>the %1 address is missing (0 = this computer, * = any address)</source>
        <translation>die %1adresse fehlt (0 = dieser Computer, * = beliebige Adresse)</translation>
    </message>
    <message>
        <source>IPv6 addresses must be written in brackets, e.g. [%1]</source>
        <translation>IPv6-Adressen müssen in eckigen Klammern geschrieben werden, z. B. [%1]</translation>
    </message>
    <message>
        <source>the %1 address has &apos;[&apos; without &apos;]&apos;</source>
        <translation>die %1adresse hat &apos;[&apos; ohne &apos;]&apos;</translation>
    </message>
    <message>
        <source>the %1 address in [ ] is empty</source>
        <translation>die %1adresse in [ ] ist leer</translation>
    </message>
    <message>
        <source>the %1 address has two masks</source>
        <translation>die %1adresse hat zwei Masken</translation>
    </message>
    <message>
        <source>unexpected &quot;%1&quot; after the %2 address</source>
        <translation>unerwartetes &quot;%1&quot; nach der %2adresse</translation>
    </message>
    <message>
        <source>port &quot;%1&quot; is not a number (0-65535, 0 = any)</source>
        <translation>Port &quot;%1&quot; ist keine Zahl (0-65535, 0 = beliebig)</translation>
    </message>
    <message>
        <source>port %1 is out of range (0-65535)</source>
        <translation>Port %1 liegt außerhalb des gültigen Bereichs (0-65535)</translation>
    </message>
    <message>
        <source>the protocol after the last &apos;:&apos; is empty; leave out the &apos;:&apos; for any protocol</source>
        <translation>das Protokoll nach dem letzten &apos;:&apos; ist leer; lassen Sie das &apos;:&apos; für ein beliebiges Protokoll weg</translation>
    </message>
    <message>
        <source>only one = or + may separate source and destination</source>
        <translation>nur ein = oder + darf Quelle und Ziel trennen</translation>
    </message>
    <message>
        <source>&apos;]&apos; without &apos;[&apos;</source>
        <translation>&apos;]&apos; ohne &apos;[&apos;</translation>
    </message>
    <message>
        <source>&apos;[&apos; without &apos;]&apos;</source>
        <translation>&apos;[&apos; ohne &apos;]&apos;</translation>
    </message>
    <message>
        <source>expected SRC=DST (one direction) or SRC+DST (mirrored), e.g. *=0:1434:UDP</source>
        <translation>erwartet wird SRC=DST (eine Richtung) oder SRC+DST (gespiegelt), z. B. *=0:1434:UDP</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an address; did you mean &quot;0=*%2&quot;? (0 = this computer, * = any address)</source>
        <translation>&quot;%1&quot; ist keine Adresse; meinten Sie &quot;0=*%2&quot;? (0 = dieser Computer, * = beliebige Adresse)</translation>
    </message>
    <message>
        <source>the source takes only a port; the protocol goes at the end of the destination, as in 0:80+*::TCP</source>
        <translation>die Quelle akzeptiert nur einen Port; das Protokoll steht am Ende des Ziels, wie in 0:80+*::TCP</translation>
    </message>
    <message>
        <source>too many &apos;:&apos; fields in &quot;%1&quot;: expected DST[/MASK][:PORT][:PROTOCOL]</source>
        <translation>zu viele &apos;:&apos;-Felder in &quot;%1&quot;: erwartet wird DST[/MASK][:PORT][:PROTOCOL]</translation>
    </message>
    <message>
        <source>invalid filter &quot;%1&quot;: %2</source>
        <translation>ungültiger Filter &quot;%1&quot;: %2</translation>
    </message>
    <message>
        <source>empty filter: expected SRC=DST or SRC+DST, e.g. *=0:1434:UDP</source>
        <translation>leerer Filter: erwartet wird SRC=DST oder SRC+DST, z. B. *=0:1434:UDP</translation>
    </message>
    <message>
        <source>&apos;(&apos; and &apos;)&apos; must wrap the whole filter, as in (0:80+*::TCP)</source>
        <translation>&apos;(&apos; und &apos;)&apos; müssen den ganzen Filter umschließen, wie in (0:80+*::TCP)</translation>
    </message>
    <message>
        <source>a filter is wrapped either in [ ] (block) or in ( ) (pass), not both</source>
        <translation>ein Filter steht entweder in [ ] (blockieren) oder in ( ) (zulassen), nicht in beidem</translation>
    </message>
    <message>
        <source>nothing inside the brackets</source>
        <translation>nichts innerhalb der Klammern</translation>
    </message>
    <message>
        <source>no arguments given.</source>
        <translation>keine Argumente angegeben.</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot;: ProtocolPortNumber is a placeholder: put the protocol and port, as in &quot;Block UDP 1434 Filter&quot;</source>
        <translation>%1 &quot;%2&quot;: ProtocolPortNumber ist ein Platzhalter: Setzen Sie Protokoll und Port ein, wie in &quot;Block UDP 1434 Filter&quot;</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot;: Existing_IPSec_Policy_Name is a placeholder: put the name of the assigned policy (netdiag /test:ipsec shows it)</source>
        <translation>%1 &quot;%2&quot;: Existing_IPSec_Policy_Name ist ein Platzhalter: Setzen Sie den Namen der zugewiesenen Richtlinie ein (netdiag /test:ipsec zeigt ihn an)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a computer name: expected \\name</source>
        <translation>&quot;%1&quot; ist kein Computername: erwartet wird \\name</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: \\computer must be the first argument</source>
        <translation>&quot;%1&quot;: \\computer muss das erste Argument sein</translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot; after %2 &quot;%3&quot;; quote values that contain spaces, e.g. %2 &quot;%3 %1&quot;</source>
        <translation>unerwartetes Argument &quot;%1&quot; nach %2 &quot;%3&quot;; setzen Sie Werte mit Leerzeichen in Anführungszeichen, z. B. %2 &quot;%3 %1&quot;</translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot;: flags start with &apos;-&apos;, as in -%2</source>
        <translation>unerwartetes Argument &quot;%1&quot;: Schalter beginnen mit &apos;-&apos;, wie in -%2</translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot;</source>
        <translation>unerwartetes Argument &quot;%1&quot;</translation>
    </message>
    <message>
        <source>&quot;show&quot; is given twice</source>
        <translation>&quot;show&quot; ist zweimal angegeben</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a show keyword: expected %2</source>
        <translation>&quot;%1&quot; ist kein show-Schlüsselwort: erwartet wird %2</translation>
    </message>
    <message>
        <source>show needs one or more of: %1</source>
        <translation>show benötigt eines oder mehrere von: %1</translation>
    </message>
    <message>
        <source>unknown flag &quot;%1&quot;; valid flags are %2, and show KEYWORDS</source>
        <translation>unbekannter Schalter &quot;%1&quot;; gültige Schalter sind %2 sowie show KEYWORDS</translation>
    </message>
    <message>
        <source>%1 needs a value: %2</source>
        <translation>%1 benötigt einen Wert: %2</translation>
    </message>
    <message>
        <source>%1 needs one or more values: %2</source>
        <translation>%1 benötigt einen oder mehrere Werte: %2</translation>
    </message>
    <message>
        <source>%1 is given twice</source>
        <translation>%1 ist zweimal angegeben</translation>
    </message>
    <message>
        <source>-w &quot;%1&quot;: expected REG (local registry store) or DS[:domain] (directory store)</source>
        <translation>-w &quot;%1&quot;: erwartet wird REG (lokaler Registrierungsspeicher) oder DS[:domain] (Verzeichnisspeicher)</translation>
    </message>
    <message>
        <source>-w &quot;%1&quot;: only DS takes a domain, and it may not be empty, as in -w DS:example.com</source>
        <translation>-w &quot;%1&quot;: nur DS akzeptiert eine Domäne, und diese darf nicht leer sein, wie in -w DS:example.com</translation>
    </message>
    <message>
        <source>-p &quot;%1&quot;: the polling interval %2 is out of range (1-43200 minutes)</source>
        <translation>-p &quot;%1&quot;: das Abrufintervall %2 liegt außerhalb des gültigen Bereichs (1-43200 Minuten)</translation>
    </message>
    <message>
        <source>; a filter spec contains no blanks: did you mean &quot;%1&quot;?</source>
        <translation>; eine Filterangabe enthält keine Leerzeichen: meinten Sie &quot;%1&quot;?</translation>
    </message>
    <message>
        <source>-t &quot;%1&quot;: expected the tunnel endpoint as one IP address or a DNS name</source>
        <translation>-t &quot;%1&quot;: erwartet wird der Tunnelendpunkt als eine IP-Adresse oder ein DNS-Name</translation>
    </message>
    <message>
        <source>-lan and -dialup exclude each other</source>
        <translation>-lan und -dialup schließen sich gegenseitig aus</translation>
    </message>
    <message>
        <source>-1s &quot;%1&quot;: expected ConfAlg-HashAlg-Group such as 3DES-SHA-2 (DES|3DES, MD5|SHA, group 1|2|3)</source>
        <translation>-1s &quot;%1&quot;: erwartet wird ConfAlg-HashAlg-Group wie 3DES-SHA-2 (DES|3DES, MD5|SHA, Gruppe 1|2|3)</translation>
    </message>
    <message>
        <source>-1k &quot;%1&quot;: expected NQ (quick modes), NS (seconds) or NQ/NS, as in 10Q/3600S</source>
        <translation>-1k &quot;%1&quot;: erwartet wird NQ (Schnellmodi), NS (Sekunden) oder NQ/NS, wie in 10Q/3600S</translation>
    </message>
    <message>
        <source>-1f &quot;%1&quot;: main-mode filters name addresses only, as in 0+*, without ports, protocol or [ ]/( )</source>
        <translation>-1f &quot;%1&quot;: Hauptmodusfilter nennen nur Adressen, wie in 0+*, ohne Ports, Protokoll oder [ ]/( )</translation>
    </message>
    <message>
        <source>-1e &quot;%1&quot;: expected the soft-SA expiry in seconds, such as 300</source>
        <translation>-1e &quot;%1&quot;: erwartet wird der Ablauf der Soft-SA in Sekunden, z. B. 300</translation>
    </message>
    <message>
        <source>show cannot be combined with %1; only \\computer may precede it</source>
        <translation>show kann nicht mit %1 kombiniert werden; nur \\computer darf davor stehen</translation>
    </message>
    <message>
        <source>-u deletes all dynamic policy and takes no other flag (found %1)</source>
        <translation>-u löscht alle dynamischen Richtlinien und akzeptiert keinen weiteren Schalter (gefunden: %1)</translation>
    </message>
    <message>
        <source>%1 needs static mode: add -w REG</source>
        <translation>%1 erfordert den statischen Modus: Fügen Sie -w REG hinzu</translation>
    </message>
    <message>
        <source>-confirm works in dynamic mode only; drop it or drop -w</source>
        <translation>-confirm funktioniert nur im dynamischen Modus; lassen Sie es oder -w weg</translation>
    </message>
    <message>
        <source>filter &quot;%1&quot;: [ ] and ( ) are dynamic-mode shortcuts; with -w write the filter bare and give -n BLOCK or -n PASS</source>
        <translation>Filter &quot;%1&quot;: [ ] und ( ) sind Kurzformen des dynamischen Modus; schreiben Sie den Filter mit -w ohne Klammern und geben Sie -n BLOCK oder -n PASS an</translation>
    </message>
    <message>
        <source>-x (assign) and -y (unassign) contradict each other</source>
        <translation>-x (Zuweisen) und -y (Zuweisung aufheben) widersprechen sich</translation>
    </message>
    <message>
        <source>-x (assign) and -o (delete) contradict each other</source>
        <translation>-x (Zuweisen) und -o (Löschen) widersprechen sich</translation>
    </message>
    <message>
        <source>-f FILTERS is required unless -u, -x, -y, -o or show is given, e.g. -f *=0:1434:UDP</source>
        <translation>-f FILTERS ist erforderlich, sofern nicht -u, -x, -y, -o oder show angegeben ist, z. B. -f *=0:1434:UDP</translation>
    </message>
    <message>
        <source>usage: ipseccmd [\\computer] -f FILTER... [-n BLOCK|PASS|INPASS|METHOD...] [-t TUNNEL] [-a AUTH...] [-soft] [-lan|-dialup] [-1s MMMETHOD...] [-1k REKEY] [-1p] [-1f MMFILTER...] [-1e SECONDS] [-confirm]
       static: -w REG|DS[:domain] [-p POLICY[:POLL]] [-r RULE]... [-x] [-y] [-o]
       ipseccmd -u
       ipseccmd [\\computer] show filters|policies|auth|stats|sas|all...
FILTER is SRC[/MASK][:PORT]{=|+}DST[/MASK][:PORT][:PROTOCOL], e.g. *=0:1434:UDP; 0 = this computer, * = any; [FILTER] blocks, (FILTER) passes.</source>
        <translation>Aufruf: ipseccmd [\\computer] -f FILTER... [-n BLOCK|PASS|INPASS|METHOD...] [-t TUNNEL] [-a AUTH...] [-soft] [-lan|-dialup] [-1s MMMETHOD...] [-1k REKEY] [-1p] [-1f MMFILTER...] [-1e SECONDS] [-confirm]
       statisch: -w REG|DS[:domain] [-p POLICY[:POLL]] [-r RULE]... [-x] [-y] [-o]
       ipseccmd -u
       ipseccmd [\\computer] show filters|policies|auth|stats|sas|all...
FILTER ist SRC[/MASK][:PORT]{=|+}DST[/MASK][:PORT][:PROTOCOL], z. B. *=0:1434:UDP; 0 = dieser Computer, * = beliebig; [FILTER] blockiert, (FILTER) lässt zu.</translation>
    </message>
    <message>
        <source>expected ESP[ConfAlg,AuthAlg], AH[HashAlg] or AH[HashAlg]+ESP[ConfAlg,AuthAlg], optionally followed by lifetimes such as 3600S/50000K and PFS</source>
        <translation>erwartet wird ESP[ConfAlg,AuthAlg], AH[HashAlg] oder AH[HashAlg]+ESP[ConfAlg,AuthAlg], optional gefolgt von Lebensdauern wie 3600S/50000K und PFS</translation>
    </message>
    <message>
        <source>invalid security method &quot;%1&quot;: %2</source>
        <translation>ungültige Sicherheitsmethode &quot;%1&quot;: %2</translation>
    </message>
    <message>
        <source>AH is given twice</source>
        <translation>AH ist zweimal angegeben</translation>
    </message>
    <message>
        <source>AH takes one hash, MD5 or SHA, as in AH[SHA]</source>
        <translation>AH akzeptiert einen Hash, MD5 oder SHA, wie in AH[SHA]</translation>
    </message>
    <message>
        <source>ESP is given twice</source>
        <translation>ESP ist zweimal angegeben</translation>
    </message>
    <message>
        <source>ESP takes a cipher and a hash, as in ESP[3DES,SHA]</source>
        <translation>ESP akzeptiert eine Verschlüsselung und einen Hash, wie in ESP[3DES,SHA]</translation>
    </message>
    <message>
        <source>ESP takes one cipher (DES, 3DES or NONE) and one hash (MD5, SHA or NONE), as in ESP[3DES,SHA]</source>
        <translation>ESP akzeptiert eine Verschlüsselung (DES, 3DES oder NONE) und einen Hash (MD5, SHA oder NONE), wie in ESP[3DES,SHA]</translation>
    </message>
    <message>
        <source>lifetime %1 needs a unit: S (seconds) or K (kilobytes)</source>
        <translation>die Lebensdauer %1 benötigt eine Einheit: S (Sekunden) oder K (Kilobyte)</translation>
    </message>
    <message>
        <source>lifetime %1 is too large</source>
        <translation>die Lebensdauer %1 ist zu groß</translation>
    </message>
    <message>
        <source>lifetimes are N S (seconds) and/or N K (kilobytes), each once, as in 3600S/50000K</source>
        <translation>Lebensdauern sind N S (Sekunden) und/oder N K (Kilobyte), jeweils einmal, wie in 3600S/50000K</translation>
    </message>
    <message>
        <source>unexpected &quot;%1&quot;; %2</source>
        <translation>unerwartetes &quot;%1&quot;; %2</translation>
    </message>
    <message>
        <source>-n needs BLOCK, PASS, INPASS or one or more security methods such as ESP[3DES,SHA]</source>
        <translation>-n benötigt BLOCK, PASS, INPASS oder eine oder mehrere Sicherheitsmethoden wie ESP[3DES,SHA]</translation>
    </message>
    <message>
        <source>-n %1 stands alone; it cannot be combined with &quot;%2&quot;</source>
        <translation>-n %1 steht allein; es kann nicht mit &quot;%2&quot; kombiniert werden</translation>
    </message>
    <message>
        <source>-n INPASS is given twice</source>
        <translation>-n INPASS ist zweimal angegeben</translation>
    </message>
    <message>
        <source>the line ends with a backslash</source>
        <translation>die Zeile endet mit einem Backslash</translation>
    </message>
    <message>
        <source>a single quote (&apos;) is not closed</source>
        <translation>ein einfaches Anführungszeichen (&apos;) ist nicht geschlossen</translation>
    </message>
    <message>
        <source>a double quote (&quot;) is not closed</source>
        <translation>ein doppeltes Anführungszeichen (&quot;) ist nicht geschlossen</translation>
    </message>
</context>
<context>
    <name>ipsec::syntax::NetshParser</name>
    <message>
        <source>%1=%2: expected %3</source>
        <translation>%1=%2: erwartet wird %3</translation>
    </message>
    <message>
        <source>yes, no, y or n</source>
        <translation>yes, no, y oder n</translation>
    </message>
    <message>
        <source>a whole number from %1 to %2</source>
        <translation>eine ganze Zahl von %1 bis %2</translation>
    </message>
    <message>
        <source>one or more methods such as ESP[3DES,SHA1]</source>
        <translation>eine oder mehrere Methoden wie ESP[3DES,SHA1]</translation>
    </message>
    <message>
        <source>ConfAlg-HashAlg-GroupNum such as 3DES-SHA1-2 (DES|3DES, MD5|SHA1, 1|2|3)</source>
        <translation>ConfAlg-HashAlg-GroupNum wie 3DES-SHA1-2 (DES|3DES, MD5|SHA1, 1|2|3)</translation>
    </message>
    <message>
        <source>one or more methods such as 3DES-SHA1-2</source>
        <translation>eine oder mehrere Methoden wie 3DES-SHA1-2</translation>
    </message>
    <message>
        <source>the name of a root certification authority</source>
        <translation>der Name einer Stammzertifizierungsstelle</translation>
    </message>
    <message>
        <source>a GUID such as {01234567-89ab-cdef-0123-456789abcdef}</source>
        <translation>eine GUID wie {01234567-89ab-cdef-0123-456789abcdef}</translation>
    </message>
    <message>
        <source>ANY, ICMP, TCP, UDP, RAW or a number 0-255</source>
        <translation>ANY, ICMP, TCP, UDP, RAW oder eine Zahl von 0 bis 255</translation>
    </message>
    <message>
        <source>the IP address or DNS name of the tunnel endpoint</source>
        <translation>die IP-Adresse oder der DNS-Name des Tunnelendpunkts</translation>
    </message>
    <message>
        <source>a non-empty preshared key</source>
        <translation>ein nicht leerer vorinstallierter Schlüssel</translation>
    </message>
    <message>
        <source>%1 %2 is ambiguous: it could be %3</source>
        <translation>%1 %2 ist mehrdeutig: möglich sind %3</translation>
    </message>
    <message>
        <source>unknown %1 %2; expected %3</source>
        <translation>%1 %2 ist unbekannt; erwartet wird %3</translation>
    </message>
    <message>
        <source>me, any, an IP address or a DNS name</source>
        <translation>me, any, eine IP-Adresse oder ein DNS-Name</translation>
    </message>
    <message>
        <source>%1=%2 takes no %3 (%4)</source>
        <translation>%1=%2 akzeptiert kein %3 (%4)</translation>
    </message>
    <message>
        <source>%1 is missing after &quot;%2&quot;; expected %3</source>
        <translation>%1 fehlt nach &quot;%2&quot;; erwartet wird %3</translation>
    </message>
    <message>
        <source>empty command; expected &quot;ipsec static ...&quot; or &quot;ipsec dynamic ...&quot;</source>
        <translation>leerer Befehl; erwartet wird &quot;ipsec static ...&quot; oder &quot;ipsec dynamic ...&quot;</translation>
    </message>
    <message>
        <source>context</source>
        <translation>Kontext</translation>
    </message>
    <message>
        <source>the context</source>
        <translation>der Kontext</translation>
    </message>
    <message>
        <source>the command</source>
        <translation>der Befehl</translation>
    </message>
    <message>
        <source>command</source>
        <translation>Befehl</translation>
    </message>
    <message>
        <source>the object</source>
        <translation>das Objekt</translation>
    </message>
    <message>
        <source>object</source>
        <translation>Objekt</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a netsh ipsec command</source>
        <translation>&quot;%1&quot; ist kein netsh-ipsec-Befehl</translation>
    </message>
    <message>
        <source>&quot;%1&quot; takes no values, but %2 was given</source>
        <translation>&quot;%1&quot; akzeptiert keine Werte, aber %2 wurde angegeben</translation>
    </message>
    <message>
        <source>unexpected value %1: every tag of &quot;%2&quot; is already given</source>
        <translation>unerwarteter Wert %1: Alle Tags von &quot;%2&quot; sind bereits angegeben</translation>
    </message>
    <message>
        <source>%1 has no tag before &apos;=&apos;</source>
        <translation>%1 hat kein Tag vor &apos;=&apos;</translation>
    </message>
    <message>
        <source>&quot;%1&quot; takes no tags, but %2 was given</source>
        <translation>&quot;%1&quot; akzeptiert keine Tags, aber %2 wurde angegeben</translation>
    </message>
    <message>
        <source>tag for &quot;%1&quot;:</source>
        <translation>Tag für &quot;%1&quot;:</translation>
    </message>
    <message>
        <source>%1= is given twice</source>
        <translation>%1= ist zweimal angegeben</translation>
    </message>
    <message>
        <source>srcmask= needs srcaddr=</source>
        <translation>srcmask= erfordert srcaddr=</translation>
    </message>
    <message>
        <source>dstmask= needs dstaddr=</source>
        <translation>dstmask= erfordert dstaddr=</translation>
    </message>
    <message>
        <source>&quot;%1&quot; needs %2=</source>
        <translation>&quot;%1&quot; erfordert %2=</translation>
    </message>
    <message>
        <source>&quot;%1&quot; takes %2= or %3=, not both</source>
        <translation>&quot;%1&quot; akzeptiert %2= oder %3=, nicht beides</translation>
    </message>
    <message>
        <source>&quot;%1&quot; needs %2= or %3=</source>
        <translation>&quot;%1&quot; erfordert %2= oder %3=</translation>
    </message>
    <message>
        <source>&quot;set rule&quot; changes actioninbound= or actionoutbound=; give at least one</source>
        <translation>&quot;set rule&quot; ändert actioninbound= oder actionoutbound=; geben Sie mindestens eines davon an</translation>
    </message>
    <message>
        <source>%1=%2: WINS servers are not supported (Linux has no WINS client to ask); give the server&apos;s address, or use DNS, DHCP or GATEWAY</source>
        <translation>%1=%2: WINS-Server werden nicht unterstützt (Linux hat keinen WINS-Client, der gefragt werden könnte); geben Sie die Adresse des Servers an oder verwenden Sie DNS, DHCP oder GATEWAY</translation>
    </message>
    <message>
        <source>%1=%2: a filter with a server type runs between the server and this computer; give %3=me</source>
        <translation>%1=%2: Ein Filter mit einem Servertyp gilt zwischen dem Server und diesem Computer; geben Sie %3=me an</translation>
    </message>
    <message>
        <source>%1=any becomes %1=me: a filter with a server type runs between the server and this computer, as on Windows.</source>
        <translation>%1=any wird zu %1=me: Ein Filter mit einem Servertyp gilt zwischen dem Server und diesem Computer, wie unter Windows.</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: id= belongs to &quot;show rule&quot;</source>
        <translation>&quot;%1&quot;: id= gehört zu &quot;show rule&quot;</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: rule= belongs to &quot;show filterlist&quot;</source>
        <translation>&quot;%1&quot;: rule= gehört zu &quot;show filterlist&quot;</translation>
    </message>
    <message>
        <source>&quot;%1&quot; takes name= or id=, not both</source>
        <translation>&quot;%1&quot; akzeptiert name= oder id=, nicht beides</translation>
    </message>
    <message>
        <source>&quot;%1&quot; takes name= or rule=, not both</source>
        <translation>&quot;%1&quot; akzeptiert name= oder rule=, nicht beides</translation>
    </message>
</context>
<context>
    <name>ipsec::syntax::NetshScript</name>
    <message>
        <source>%1 is not supported here: one netsh command per line, no pipes, chaining or redirection to files</source>
        <translation>%1 wird hier nicht unterstützt: ein netsh-Befehl pro Zeile, keine Pipes, Verkettungen oder Umleitungen in Dateien</translation>
    </message>
    <message>
        <source>%1 is larger than %2 MiB; that is not a netsh script</source>
        <translation>%1 ist größer als %2 MiB; das ist kein netsh-Skript</translation>
    </message>
    <message>
        <source>%1 is not valid UTF-16</source>
        <translation>%1 ist kein gültiges UTF-16</translation>
    </message>
    <message>
        <source>%1 line %2: the text is not UTF-8 (a Windows code page?); save the file as UTF-8</source>
        <translation>%1 Zeile %2: Der Text ist kein UTF-8 (eine Windows-Codepage?); speichern Sie die Datei als UTF-8</translation>
    </message>
    <message>
        <source>%1 line %2: contains a NUL character; that is not a text file</source>
        <translation>%1 Zeile %2: enthält ein NUL-Zeichen; das ist keine Textdatei</translation>
    </message>
    <message>
        <source>%1 line %2</source>
        <translation>%1 Zeile %2</translation>
    </message>
    <message>
        <source>%1: %2
  %3</source>
        <translation>%1: %2
  %3</translation>
    </message>
    <message>
        <source>%1 line %2: the line is %3 characters long (at most %4)</source>
        <translation>%1 Zeile %2: Die Zeile ist %3 Zeichen lang (höchstens %4)</translation>
    </message>
    <message>
        <source>batch variables such as %NAME% are not expanded here; write the values out</source>
        <translation>Batch-Variablen wie %NAME% werden hier nicht expandiert; schreiben Sie die Werte aus</translation>
    </message>
    <message>
        <source>netsh -c needs a context such as ipsec</source>
        <translation>netsh -c benötigt einen Kontext wie ipsec</translation>
    </message>
    <message>
        <source>netsh %1 (remote computers, other accounts) is not supported: run the script on that machine</source>
        <translation>netsh %1 (Remotecomputer, andere Konten) wird nicht unterstützt: Führen Sie das Skript auf dem betreffenden Computer aus</translation>
    </message>
    <message>
        <source>netsh -f inside a script is not supported; run each script on its own</source>
        <translation>netsh -f innerhalb eines Skripts wird nicht unterstützt; führen Sie jedes Skript einzeln aus</translation>
    </message>
    <message>
        <source>unknown netsh option %1</source>
        <translation>unbekannte netsh-Option %1</translation>
    </message>
    <message>
        <source>netsh without a command; expected &quot;netsh ipsec static ...&quot;</source>
        <translation>netsh ohne Befehl; erwartet wird &quot;netsh ipsec static ...&quot;</translation>
    </message>
    <message>
        <source>only the ipsec, ipsec static and ipsec dynamic contexts are supported</source>
        <translation>nur die Kontexte ipsec, ipsec static und ipsec dynamic werden unterstützt</translation>
    </message>
    <message>
        <source>popd without pushd</source>
        <translation>popd ohne pushd</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a context inside ipsec; write &quot;ipsec %1&quot;</source>
        <translation>&quot;%1&quot; ist ein Kontext innerhalb von ipsec; schreiben Sie &quot;ipsec %1&quot;</translation>
    </message>
    <message>
        <source>not a netsh ipsec command; expected &quot;netsh ipsec ...&quot; or &quot;ipsec ...&quot; (batch lines other than echo, rem, ::, pause, setlocal, endlocal and @echo off are not run)</source>
        <translation>kein netsh-ipsec-Befehl; erwartet wird &quot;netsh ipsec ...&quot; oder &quot;ipsec ...&quot; (andere Batch-Zeilen als echo, rem, ::, pause, setlocal, endlocal und @echo off werden nicht ausgeführt)</translation>
    </message>
    <message>
        <source>&quot;ipsec %1&quot; is not supported in scripts</source>
        <translation>&quot;ipsec %1&quot; wird in Skripten nicht unterstützt</translation>
    </message>
    <message>
        <source>only netsh ipsec commands are supported, not &quot;%1&quot;</source>
        <translation>nur netsh-ipsec-Befehle werden unterstützt, nicht &quot;%1&quot;</translation>
    </message>
</context>
<context>
    <name>ipsec::syntax::ScriptEncoding</name>
    <message>
        <source>%1: the encoding &quot;%2&quot; is not known here; give an ICU name such as windows-1252, GBK, IBM850 or a code page number such as 936</source>
        <translation>%1: Die Codierung &quot;%2&quot; ist hier nicht bekannt; geben Sie einen ICU-Namen wie windows-1252, GBK, IBM850 oder eine Codepage-Nummer wie 936 an</translation>
    </message>
    <message>
        <source>%1 line %2: the text is not valid %3; choose the file&apos;s encoding with --encoding NAME</source>
        <translation>%1 Zeile %2: Der Text ist kein gültiges %3; wählen Sie die Codierung der Datei mit --encoding NAME</translation>
    </message>
    <message>
        <source>%1 line %2: contains a NUL character; that is not a text file</source>
        <translation>%1 Zeile %2: enthält ein NUL-Zeichen; das ist keine Textdatei</translation>
    </message>
    <message>
        <source>%1: code page %2 is not known here</source>
        <translation>%1: Die Codepage %2 ist hier nicht bekannt</translation>
    </message>
    <message>
        <source>%1 line %2: chcp %3 names a code page that is not known here; choose the file&apos;s encoding with --encoding NAME</source>
        <translation>%1 Zeile %2: chcp %3 nennt eine Codepage, die hier nicht bekannt ist; wählen Sie die Codierung der Datei mit --encoding NAME</translation>
    </message>
    <message>
        <source>%1: read as %2 (chcp %3 on line %4)</source>
        <translation>%1: gelesen als %2 (chcp %3 in Zeile %4)</translation>
    </message>
    <message>
        <source>%1 is not UTF-8: read as %2 (detected); if names look wrong, give the file&apos;s encoding with --encoding NAME</source>
        <translation>%1 ist kein UTF-8: gelesen als %2 (erkannt); wenn Namen falsch aussehen, geben Sie die Codierung der Datei mit --encoding NAME an</translation>
    </message>
</context>
<context>
    <name>ipsec::ui::AddressChooserPage</name>
    <message>
        <source>My IP Address</source>
        <translation>Eigene IP-Adresse</translation>
    </message>
    <message>
        <source>Any IP Address</source>
        <translation>Beliebige IP-Adresse</translation>
    </message>
    <message>
        <source>A specific DNS Name</source>
        <translation>Ein bestimmter DNS-Name</translation>
    </message>
    <message>
        <source>A specific IP Address</source>
        <translation>Eine bestimmte IP-Adresse</translation>
    </message>
    <message>
        <source>A specific IP Subnet</source>
        <translation>Ein bestimmtes IP-Subnetz</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Adresse:</translation>
    </message>
    <message>
        <source>&amp;Value:</source>
        <translation>&amp;Wert:</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not one IP address, e.g. 192.0.2.7.</source>
        <translation>&quot;%1&quot; ist keine einzelne IP-Adresse, z. B. 192.0.2.7.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an IP subnet, e.g. 192.0.2.0/24 or 192.0.2.0/255.255.255.0.</source>
        <translation>&quot;%1&quot; ist kein IP-Subnetz, z. B. 192.0.2.0/24 oder 192.0.2.0/255.255.255.0.</translation>
    </message>
</context>
<context>
    <name>ipsec::ui::ApplyAnyway</name>
    <message>
        <source>Your SSH Connection</source>
        <translation>Ihre SSH-Verbindung</translation>
    </message>
    <message>
        <source>&amp;Apply Anyway</source>
        <translation>&amp;Trotzdem anwenden</translation>
    </message>
</context>
<context>
    <name>ipsec::ui::BlockPortPlan</name>
    <message>
        <source>TCP and UDP</source>
        <translation>TCP und UDP</translation>
    </message>
    <message>
        <source>Block %1 %2 Filter</source>
        <translation>Filter zum Blockieren von %1 %2</translation>
    </message>
    <message>
        <source>Block Inbound %1 %2 Rule</source>
        <translation>Regel zum Blockieren von eingehendem %1 %2</translation>
    </message>
    <message>
        <source>Block Outbound %1 %2 Rule</source>
        <translation>Regel zum Blockieren von ausgehendem %1 %2</translation>
    </message>
</context>
<context>
    <name>ipsec::ui::BlockPortPolicyPage</name>
    <message>
        <source>Add the rules to an &amp;existing policy:</source>
        <translation>Regeln zu einer &amp;vorhandenen Richtlinie hinzufügen:</translation>
    </message>
    <message>
        <source>&amp;Assign the policy now</source>
        <translation>Richtlinie jetzt &amp;zuweisen</translation>
    </message>
    <message>
        <source>IP Security Policy</source>
        <translation>IP-Sicherheitsrichtlinie</translation>
    </message>
    <message>
        <source>Choose the policy that receives the blocking rules.</source>
        <translation>Wählen Sie die Richtlinie, die die Blockierregeln erhält.</translation>
    </message>
    <message>
        <source>Choose a policy.</source>
        <translation>Wählen Sie eine Richtlinie.</translation>
    </message>
    <message>
        <source>A policy named &quot;%1&quot; exists already; choose it as an existing policy or enter another name.</source>
        <translation>Eine Richtlinie namens &quot;%1&quot; existiert bereits; wählen Sie sie als vorhandene Richtlinie aus oder geben Sie einen anderen Namen ein.</translation>
    </message>
    <message>
        <source>Ne&amp;w policy named:</source>
        <translation>Ne&amp;ue Richtlinie mit dem Namen:</translation>
    </message>
    <message>
        <source>%1 (assigned)</source>
        <translation>%1 (zugewiesen)</translation>
    </message>
</context>
<context>
    <name>ipsec::ui::BlockPortPortsPage</name>
    <message>
        <source>Ports</source>
        <translation>Ports</translation>
    </message>
    <message>
        <source>Enter one port, or a list of ports and ranges separated by commas.</source>
        <translation>Geben Sie einen Port oder eine durch Kommas getrennte Liste von Ports und Bereichen ein.</translation>
    </message>
    <message>
        <source>e.g. 1434 or 135,137-139,445</source>
        <translation>z. B. 1434 oder 135,137-139,445</translation>
    </message>
    <message>
        <source>&amp;Port(s):</source>
        <translation>&amp;Port(s):</translation>
    </message>
</context>
<context>
    <name>ipsec::ui::BlockPortRemotePage</name>
    <message>
        <source>&amp;Any IP address</source>
        <translation>&amp;Beliebige IP-Adresse</translation>
    </message>
    <message>
        <source>A specific IP address or &amp;subnet:</source>
        <translation>Eine bestimmte IP-Adresse oder ein bestimmtes &amp;Subnetz:</translation>
    </message>
    <message>
        <source>Remote Computers</source>
        <translation>Remotecomputer</translation>
    </message>
    <message>
        <source>Block the traffic exchanged with these computers.</source>
        <translation>Den mit diesen Computern ausgetauschten Datenverkehr blockieren.</translation>
    </message>
    <message>
        <source>e.g. 192.0.2.7 or 192.0.2.0/24</source>
        <translation>z. B. 192.0.2.7 oder 192.0.2.0/24</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an IP address or subnet; enter e.g. 192.0.2.7 or 192.0.2.0/24.</source>
        <translation>&quot;%1&quot; ist keine IP-Adresse und kein Subnetz; geben Sie z. B. 192.0.2.7 oder 192.0.2.0/24 ein.</translation>
    </message>
</context>
<context>
    <name>ipsec::ui::BlockPortSummaryPage</name>
    <message>
        <source>Completing the Block a Port Wizard</source>
        <translation>Fertigstellen des Assistenten zum Blockieren eines Ports</translation>
    </message>
    <message>
        <source>Finish runs these commands; you can also copy them into a script.</source>
        <translation>&quot;Fertig stellen&quot; führt diese Befehle aus; Sie können sie auch in ein Skript kopieren.</translation>
    </message>
    <message numerus="yes">
        <source>%n rule(s) will be added to policy &quot;%1&quot;; each with %2 filter(s).</source>
        <translation>
            <numerusform>%n Regel wird zur Richtlinie &quot;%1&quot; hinzugefügt, mit jeweils %2 Filter(n).</numerusform>
            <numerusform>%n Regeln werden zur Richtlinie &quot;%1&quot; hinzugefügt, mit jeweils %2 Filter(n).</numerusform>
        </translation>
    </message>
    <message>
        <source>Dynamic filters block the traffic at once; they are lost when the policy agent restarts.</source>
        <translation>Dynamische Filter blockieren den Datenverkehr sofort; sie gehen verloren, wenn der Richtlinien-Agent neu startet.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is the assigned policy: the new rules are enforced as soon as you click Finish.</source>
        <translation>&quot;%1&quot; ist die zugewiesene Richtlinie: Die neuen Regeln werden durchgesetzt, sobald Sie auf &quot;Fertig stellen&quot; klicken.</translation>
    </message>
    <message numerus="yes">
        <source>Warning: &quot;%1&quot; (%n rule(s)) is the policy enforced now. Finish assigns &quot;%2&quot; instead, and the rules of &quot;%1&quot; stop being enforced.</source>
        <translation>
            <numerusform>Warnung: &quot;%1&quot; (%n Regel) ist die derzeit durchgesetzte Richtlinie. &quot;Fertig stellen&quot; weist stattdessen &quot;%2&quot; zu, und die Regeln von &quot;%1&quot; werden nicht mehr durchgesetzt.</numerusform>
            <numerusform>Warnung: &quot;%1&quot; (%n Regeln) ist die derzeit durchgesetzte Richtlinie. &quot;Fertig stellen&quot; weist stattdessen &quot;%2&quot; zu, und die Regeln von &quot;%1&quot; werden nicht mehr durchgesetzt.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Stop enforcing &quot;%1&quot; and assign &quot;%2&quot;</source>
        <translation>&quot;%1&quot; nicht mehr durchsetzen und &quot;%2&quot; &amp;zuweisen</translation>
    </message>
    <message>
        <source>No policy is assigned now; Finish assigns &quot;%1&quot; and its rules are enforced.</source>
        <translation>Derzeit ist keine Richtlinie zugewiesen; &quot;Fertig stellen&quot; weist &quot;%1&quot; zu, und ihre Regeln werden durchgesetzt.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not assigned: its rules are not enforced. &quot;%2&quot; stays the enforced policy.</source>
        <translation>&quot;%1&quot; ist nicht zugewiesen: Ihre Regeln werden nicht durchgesetzt. &quot;%2&quot; bleibt die durchgesetzte Richtlinie.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not assigned: its rules are not enforced until you assign it.</source>
        <translation>&quot;%1&quot; ist nicht zugewiesen: Ihre Regeln werden erst durchgesetzt, wenn Sie die Richtlinie zuweisen.</translation>
    </message>
</context>
<context>
    <name>ipsec::ui::BlockPortWizard</name>
    <message>
        <source>Block a Port</source>
        <translation>Port blockieren</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Which traffic do you want to block?</source>
        <translation>Welchen Datenverkehr möchten Sie blockieren?</translation>
    </message>
    <message>
        <source>&amp;TCP</source>
        <translation>&amp;TCP</translation>
    </message>
    <message>
        <source>&amp;UDP</source>
        <translation>&amp;UDP</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Richtung</translation>
    </message>
    <message>
        <source>Block the traffic that reaches this computer, that leaves it, or both.</source>
        <translation>Den Datenverkehr blockieren, der diesen Computer erreicht, ihn verlässt, oder beides.</translation>
    </message>
    <message>
        <source>&amp;Inbound (other computers to this port here)</source>
        <translation>&amp;Eingehend (andere Computer zu diesem Port hier)</translation>
    </message>
    <message>
        <source>&amp;Outbound (this computer to the port elsewhere)</source>
        <translation>&amp;Ausgehend (dieser Computer zum Port anderswo)</translation>
    </message>
    <message>
        <source>Static or Dynamic</source>
        <translation>Statisch oder dynamisch</translation>
    </message>
    <message>
        <source>Where the blocking filters live.</source>
        <translation>Wo die Blockierfilter gespeichert werden.</translation>
    </message>
    <message>
        <source>&amp;Static: stored in a policy (ipseccmd -w REG)</source>
        <translation>&amp;Statisch: in einer Richtlinie gespeichert (ipseccmd -w REG)</translation>
    </message>
    <message>
        <source>&amp;Dynamic: in force at once, until the policy agent restarts</source>
        <translation>&amp;Dynamisch: sofort in Kraft, bis der Richtlinien-Agent neu startet</translation>
    </message>
    <message>
        <source>Dynamic filters are not available: the console does not enforce the policy in the kernel (it needs root).</source>
        <translation>Dynamische Filter sind nicht verfügbar: Die Konsole setzt die Richtlinie nicht im Kernel durch (dazu ist root erforderlich).</translation>
    </message>
    <message>
        <source>Command %1 of %2 failed: %3
%4</source>
        <translation>Befehl %1 von %2 ist fehlgeschlagen: %3
%4</translation>
    </message>
    <message>
        <source>Bot&amp;h TCP and UDP</source>
        <translation>Sowohl TCP als auch &amp;UDP</translation>
    </message>
    <message>
        <source>Bot&amp;h directions</source>
        <translation>&amp;Beide Richtungen</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Wird ausgeführt…</translation>
    </message>
    <message>
        <source>Blocking %1…</source>
        <translation>%1 wird blockiert…</translation>
    </message>
    <message>
        <source>Your SSH Connection</source>
        <translation>Ihre SSH-Verbindung</translation>
    </message>
    <message>
        <source>&amp;Apply Anyway</source>
        <translation>&amp;Trotzdem anwenden</translation>
    </message>
    <message>
        <source>The commands before it were taken back: nothing was changed.</source>
        <translation>Die vorangehenden Befehle wurden zurückgenommen: Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>The commands before it could not be taken back (%1); Edit ▸ Undo takes them back.</source>
        <translation>Die vorangehenden Befehle konnten nicht zurückgenommen werden (%1); mit Bearbeiten ▸ Rückgängig werden sie zurückgenommen.</translation>
    </message>
</context>
<context>
    <name>ipsec::ui::CompareSnapshotDialog</name>
    <message>
        <source>Compare with Snapshot</source>
        <translation>Mit Momentaufnahme vergleichen</translation>
    </message>
    <message>
        <source>The live state is the same as %1.</source>
        <translation>Der aktuelle Zustand stimmt mit %1 überein.</translation>
    </message>
    <message numerus="yes">
        <source>%n difference(s) from %1 (snapshot) to the live state.</source>
        <translation>
            <numerusform>%n Unterschied von %1 (Momentaufnahme) zum aktuellen Zustand.</numerusform>
            <numerusform>%n Unterschiede von %1 (Momentaufnahme) zum aktuellen Zustand.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ipsec::ui::ConfirmChangesDialog</name>
    <message>
        <source>Keep These Changes?</source>
        <translation>Diese Änderungen behalten?</translation>
    </message>
    <message>
        <source>&amp;Keep Changes</source>
        <translation>Änderungen &amp;behalten</translation>
    </message>
    <message>
        <source>&amp;Hide</source>
        <translation>&amp;Ausblenden</translation>
    </message>
    <message>
        <source>The changes are still rolled back at the deadline unless kept.</source>
        <translation>Die Änderungen werden bei Fristablauf trotzdem rückgängig gemacht, sofern sie nicht behalten werden.</translation>
    </message>
    <message>
        <source>Keep these changes? Unless you keep them, the previous policy comes back at the end of the countdown, so a change that locked you out undoes itself.

%1</source>
        <translation>Diese Änderungen behalten? Wenn Sie sie nicht behalten, kehrt am Ende des Countdowns die vorherige Richtlinie zurück, sodass eine Änderung, die Sie ausgesperrt hat, sich selbst rückgängig macht.

%1</translation>
    </message>
    <message numerus="yes">
        <source>Rolled back in %n second(s).</source>
        <translation>
            <numerusform>Wird in %n Sekunde rückgängig gemacht.</numerusform>
            <numerusform>Wird in %n Sekunden rückgängig gemacht.</numerusform>
        </translation>
    </message>
    <message>
        <source>Rolling back…</source>
        <translation>Wird rückgängig gemacht…</translation>
    </message>
</context>
<context>
    <name>ipsec::ui::ConfirmController</name>
    <message>
        <source>Ask to &amp;Keep Kernel Changes</source>
        <translation>Kernel-Änderungen &amp;bestätigen lassen</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n Sekunde</numerusform>
            <numerusform>%n Sekunden</numerusform>
        </translation>
    </message>
    <message>
        <source>Keeping the changes…</source>
        <translation>Die Änderungen werden beibehalten…</translation>
    </message>
</context>
<context>
    <name>ipsec::ui::DirectoryWindow</name>
    <message>
        <source>IP Security Policies on Active Directory — %1</source>
        <translation>IP-Sicherheitsrichtlinien in Active Directory — %1</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>&amp;Create IP Security Policy…</source>
        <translation>IP-Sicherheitsrichtlinie &amp;erstellen…</translation>
    </message>
    <message>
        <source>Add &amp;Rule…</source>
        <translation>&amp;Regel hinzufügen…</translation>
    </message>
    <message>
        <source>New IP &amp;Filter List…</source>
        <translation>Neue IP-&amp;Filterliste…</translation>
    </message>
    <message>
        <source>New Filter Ac&amp;tion…</source>
        <translation>Neue &amp;Filteraktion…</translation>
    </message>
    <message>
        <source>&amp;Properties</source>
        <translation>&amp;Eigenschaften</translation>
    </message>
    <message>
        <source>&amp;Assign</source>
        <translation>&amp;Zuweisen</translation>
    </message>
    <message>
        <source>&amp;Un-assign</source>
        <translation>Zuweisung &amp;aufheben</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Schließen</translation>
    </message>
    <message>
        <source>&amp;Action</source>
        <translation>A&amp;ktion</translation>
    </message>
    <message>
        <source>Directory</source>
        <translation>Verzeichnis</translation>
    </message>
    <message>
        <source>Reading the directory…</source>
        <translation>Verzeichnis wird gelesen…</translation>
    </message>
    <message>
        <source>The directory cannot be read: %1</source>
        <translation>Das Verzeichnis kann nicht gelesen werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n policies in the directory; assigned in the GPO: %1</source>
        <translation>
            <numerusform>%n Richtlinie im Verzeichnis; im GPO zugewiesen: %1</numerusform>
            <numerusform>%n Richtlinien im Verzeichnis; im GPO zugewiesen: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n policies in the directory; the GPO assigns none</source>
        <translation>
            <numerusform>%n Richtlinie im Verzeichnis; das GPO weist keine zu</numerusform>
            <numerusform>%n Richtlinien im Verzeichnis; das GPO weist keine zu</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ipsec::ui::DisplayText</name>
    <message>
        <source>&lt;Any IP Address&gt;</source>
        <translation>&lt;Beliebige IP-Adresse&gt;</translation>
    </message>
    <message>
        <source>&lt;My IP Address&gt;</source>
        <translation>&lt;Eigene IP-Adresse&gt;</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>Beliebig</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>Permit</source>
        <translation>Zulassen</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>Blockieren</translation>
    </message>
    <message>
        <source>Negotiate security</source>
        <translation>Sicherheit aushandeln</translation>
    </message>
    <message>
        <source>&lt;Dynamic&gt; (default response rule)</source>
        <translation>&lt;Dynamisch&gt; (Standardantwortregel)</translation>
    </message>
    <message>
        <source>&lt;unnamed rule&gt;</source>
        <translation>&lt;unbenannte Regel&gt;</translation>
    </message>
</context>
<context>
    <name>ipsec::ui::EmergencyControl</name>
    <message>
        <source>Emergency Unassign</source>
        <translation>Notfall-Aufhebung</translation>
    </message>
    <message>
        <source>Remove every kernel IPsec policy entry of this console at once and unassign the policy (Ctrl+Shift+E). No confirmation.</source>
        <translation>Alle IPsec-Richtlinieneinträge dieser Konsole im Kernel auf einmal entfernen und die Zuweisung der Richtlinie aufheben (Strg+Umschalt+E). Ohne Bestätigung.</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Put back what the emergency unassign removed.</source>
        <translation>Wiederherstellen, was die Notfall-Aufhebung entfernt hat.</translation>
    </message>
    <message>
        <source>Emergency unassign failed: %1</source>
        <translation>Notfall-Aufhebung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Re-assigning failed: %1</source>
        <translation>Erneute Zuweisung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Re-assigned what the emergency unassign removed.</source>
        <translation>Was die Notfall-Aufhebung entfernt hat, wurde erneut zugewiesen.</translation>
    </message>
    <message>
        <source>Re-assigning…</source>
        <translation>Wird erneut zugewiesen…</translation>
    </message>
</context>
<context>
    <name>ipsec::ui::FilterActionDialog</name>
    <message>
        <source>Accept unsecured communication, but always respond using IPsec</source>
        <translation>Unsichere Kommunikation annehmen, aber immer mit IPsec antworten</translation>
    </message>
    <message>
        <source>Allow unsecured communication with non-IPsec-aware computers</source>
        <translation>Unsichere Kommunikation mit Computern ohne IPsec-Unterstützung zulassen</translation>
    </message>
    <message>
        <source>Use session key perfect forward secrecy (PFS)</source>
        <translation>Sitzungsschlüssel mit Perfect Forward Secrecy (PFS) verwenden</translation>
    </message>
    <message>
        <source>%1 Properties</source>
        <translation>Eigenschaften von %1</translation>
    </message>
    <message>
        <source>New Filter Action</source>
        <translation>Neue Filteraktion</translation>
    </message>
    <message>
        <source>Permit</source>
        <translation>Zulassen</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>Blockieren</translation>
    </message>
    <message>
        <source>Negotiate security</source>
        <translation>Sicherheit aushandeln</translation>
    </message>
    <message>
        <source>One per line, e.g. ESP[3DES,SHA1]:100000k/3600s</source>
        <translation>Eine pro Zeile, z. B. ESP[3DES,SHA1]:100000k/3600s</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Beschreibung:</translation>
    </message>
    <message>
        <source>&amp;Action:</source>
        <translation>&amp;Aktion:</translation>
    </message>
    <message>
        <source>&amp;Security methods:</source>
        <translation>&amp;Sicherheitsmethoden:</translation>
    </message>
</context>
<context>
    <name>ipsec::ui::FilterActionSecurityPage</name>
    <message>
        <source>default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>&amp;Integrity and encryption (ESP 3DES, SHA1)</source>
        <translation>&amp;Integrität und Verschlüsselung (ESP 3DES, SHA1)</translation>
    </message>
    <message>
        <source>Integrity &amp;only (ESP SHA1, no encryption)</source>
        <translation>&amp;Nur Integrität (ESP SHA1, keine Verschlüsselung)</translation>
    </message>
    <message>
        <source>&amp;Custom</source>
        <translation>&amp;Benutzerdefiniert</translation>
    </message>
    <message>
        <source>Data and address integrity without encryption (&amp;AH):</source>
        <translation>Daten- und Adressintegrität ohne Verschlüsselung (&amp;AH):</translation>
    </message>
    <message>
        <source>Data integrity and encryption (&amp;ESP):</source>
        <translation>Datenintegrität und Verschlüsselung (&amp;ESP):</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source> KB</source>
        <translation> KB</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Use session key &amp;perfect forward secrecy (PFS)</source>
        <translation>Sitzungsschlüssel mit &amp;Perfect Forward Secrecy (PFS) verwenden</translation>
    </message>
    <message>
        <source>IP Traffic Security</source>
        <translation>IP-Datenverkehrssicherheit</translation>
    </message>
    <message>
        <source>Specify the security method for IP traffic.</source>
        <translation>Geben Sie die Sicherheitsmethode für den IP-Datenverkehr an.</translation>
    </message>
    <message>
        <source>Encryption algorithm:</source>
        <translation>Verschlüsselungsalgorithmus:</translation>
    </message>
    <message>
        <source>Generate a new key every:</source>
        <translation>Neuen Schlüssel generieren alle:</translation>
    </message>
    <message>
        <source>or every:</source>
        <translation>oder alle:</translation>
    </message>
</context>
<context>
    <name>ipsec::ui::FilterActionWizard</name>
    <message>
        <source>Completing the Filter Action Wizard</source>
        <translation>Fertigstellen des Filteraktions-Assistenten</translation>
    </message>
    <message>
        <source>Filter Action Wizard</source>
        <translation>Filteraktions-Assistent</translation>
    </message>
    <message>
        <source>Filter Action Name</source>
        <translation>Name der Filteraktion</translation>
    </message>
    <message>
        <source>Name this filter action and give it a short description.</source>
        <translation>Geben Sie der Filteraktion einen Namen und eine kurze Beschreibung.</translation>
    </message>
    <message>
        <source>Filter Action General Options</source>
        <translation>Allgemeine Optionen der Filteraktion</translation>
    </message>
    <message>
        <source>Set the filter action behavior.</source>
        <translation>Legen Sie das Verhalten der Filteraktion fest.</translation>
    </message>
    <message>
        <source>&amp;Permit</source>
        <translation>&amp;Zulassen</translation>
    </message>
    <message>
        <source>&amp;Block</source>
        <translation>&amp;Blockieren</translation>
    </message>
    <message>
        <source>&amp;Negotiate security</source>
        <translation>Sicherheit &amp;aushandeln</translation>
    </message>
    <message>
        <source>Communicating with computers that do not support IPSec</source>
        <translation>Kommunikation mit Computern, die IPsec nicht unterstützen</translation>
    </message>
    <message>
        <source>Communication with computers that do not support IPSec may expose your network to security risks.</source>
        <translation>Die Kommunikation mit Computern, die IPsec nicht unterstützen, kann Ihr Netzwerk Sicherheitsrisiken aussetzen.</translation>
    </message>
    <message>
        <source>&amp;Do not communicate with computers that do not support IPSec</source>
        <translation>&amp;Nicht mit Computern kommunizieren, die IPsec nicht unterstützen</translation>
    </message>
    <message>
        <source>&amp;Fall back to unsecured communication</source>
        <translation>&amp;Auf unsichere Kommunikation zurückgreifen</translation>
    </message>
</context>
<context>
    <name>ipsec::ui::FilterActionsTableModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Accept Unsecured Inbound</source>
        <translation>Unsichere eingehende Kommunikation annehmen</translation>
    </message>
    <message>
        <source>Fall Back to Unsecured</source>
        <translation>Fallback auf unsichere Kommunikation</translation>
    </message>
    <message>
        <source>Session Key PFS</source>
        <translation>Sitzungsschlüssel-PFS</translation>
    </message>
    <message>
        <source>Security Methods</source>
        <translation>Sicherheitsmethoden</translation>
    </message>
</context>
<context>
    <name>ipsec::ui::FilterDialog</name>
    <message>
        <source>Any</source>
        <translation>Beliebig</translation>
    </message>
    <message>
        <source>&amp;Mirrored: also match packets with the exact opposite source and destination</source>
        <translation>&amp;Gespiegelt: auch Pakete mit genau vertauschten Quell- und Zieladressen zuordnen</translation>
    </message>
    <message>
        <source>Filter Properties</source>
        <translation>Filtereigenschaften</translation>
    </message>
    <message>
        <source>&amp;Source address:</source>
        <translation>&amp;Quelladresse:</translation>
    </message>
    <message>
        <source>IP address or DNS name:</source>
        <translation>IP-Adresse oder DNS-Name:</translation>
    </message>
    <message>
        <source>Subnet mask:</source>
        <translation>Subnetzmaske:</translation>
    </message>
    <message>
        <source>&amp;Destination address:</source>
        <translation>&amp;Zieladresse:</translation>
    </message>
    <message>
        <source>&amp;Protocol:</source>
        <translation>&amp;Protokoll:</translation>
    </message>
    <message>
        <source>F&amp;rom port:</source>
        <translation>&amp;Von Port:</translation>
    </message>
    <message>
        <source>&amp;To port:</source>
        <translation>&amp;An Port:</translation>
    </message>
    <message>
        <source>D&amp;escription:</source>
        <translation>&amp;Beschreibung:</translation>
    </message>
    <message>
        <source>My IP Address</source>
        <translation>Eigene IP-Adresse</translation>
    </message>
    <message>
        <source>Any IP Address</source>
        <translation>Beliebige IP-Adresse</translation>
    </message>
    <message>
        <source>A specific IP Address</source>
        <translation>Eine bestimmte IP-Adresse</translation>
    </message>
    <message>
        <source>A specific IP Subnet</source>
        <translation>Ein bestimmtes IP-Subnetz</translation>
    </message>
    <message>
        <source>A specific DNS Name</source>
        <translation>Ein bestimmter DNS-Name</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an IP address.</source>
        <translation>&quot;%1&quot; ist keine IP-Adresse.</translation>
    </message>
    <message>
        <source>Source address: %1</source>
        <translation>Quelladresse: %1</translation>
    </message>
    <message>
        <source>Destination address: %1</source>
        <translation>Zieladresse: %1</translation>
    </message>
    <message>
        <source>Protocol: %1</source>
        <translation>Protokoll: %1</translation>
    </message>
</context>
<context>
    <name>ipsec::ui::FilterListDialog</name>
    <message>
        <source>%1 Properties</source>
        <translation>Eigenschaften von %1</translation>
    </message>
    <message>
        <source>New IP Filter List</source>
        <translation>Neue IP-Filterliste</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Beschreibung:</translation>
    </message>
    <message>
        <source>IP &amp;filters:</source>
        <translation>IP-&amp;Filter:</translation>
    </message>
</context>
<context>
    <name>ipsec::ui::FilterListsTableModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>Filter</translation>
    </message>
</context>
<context>
    <name>ipsec::ui::FiltersTableModel</name>
    <message>
        <source>Mirrored</source>
        <translation>Gespiegelt</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Src Port</source>
        <translation>Quellport</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Dst Port</source>
        <translation>Zielport</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Protokoll</translation>
    </message>
</context>
<context>
    <name>ipsec::ui::IkeMethodDialog</name>
    <message>
        <source>IKE Security Algorithms</source>
        <translation>IKE-Sicherheitsalgorithmen</translation>
    </message>
    <message>
        <source>SHA1</source>
        <translation>SHA1</translation>
    </message>
    <message>
        <source>MD5</source>
        <translation>MD5</translation>
    </message>
    <message>
        <source>3DES</source>
        <translation>3DES</translation>
    </message>
    <message>
        <source>DES</source>
        <translation>DES</translation>
    </message>
    <message>
        <source>AES-128</source>
        <translation>AES-128</translation>
    </message>
    <message>
        <source>AES-192</source>
        <translation>AES-192</translation>
    </message>
    <message>
        <source>AES-256</source>
        <translation>AES-256</translation>
    </message>
    <message>
        <source>Low (1)</source>
        <translation>Niedrig (1)</translation>
    </message>
    <message>
        <source>Medium (2)</source>
        <translation>Mittel (2)</translation>
    </message>
    <message>
        <source>High (2048)</source>
        <translation>Hoch (2048)</translation>
    </message>
    <message>
        <source>&amp;Integrity algorithm:</source>
        <translation>&amp;Integritätsalgorithmus:</translation>
    </message>
    <message>
        <source>&amp;Encryption algorithm:</source>
        <translation>&amp;Verschlüsselungsalgorithmus:</translation>
    </message>
    <message>
        <source>&amp;Diffie-Hellman group:</source>
        <translation>&amp;Diffie-Hellman-Gruppe:</translation>
    </message>
</context>
<context>
    <name>ipsec::ui::ImportSnapshotDialog</name>
    <message>
        <source>Import Snapshot</source>
        <translation>Momentaufnahme importieren</translation>
    </message>
    <message>
        <source>Snapshot of %1 taken %2 (%3 policies), from %4.</source>
        <translation>Momentaufnahme von %1, aufgenommen am %2 (%3 Richtlinien), aus %4.</translation>
    </message>
    <message>
        <source>&amp;Merge: add its objects (the same guid is the same object)</source>
        <translation>&amp;Zusammenführen: ihre Objekte hinzufügen (dieselbe GUID ist dasselbe Objekt)</translation>
    </message>
    <message>
        <source>&amp;Replace: the store becomes exactly the snapshot</source>
        <translation>&amp;Ersetzen: Der Speicher wird genau zur Momentaufnahme</translation>
    </message>
    <message>
        <source>Refuse the import</source>
        <translation>Import ablehnen</translation>
    </message>
    <message>
        <source>Import under a new name</source>
        <translation>Unter einem neuen Namen importieren</translation>
    </message>
    <message>
        <source>Keep the existing object</source>
        <translation>Vorhandenes Objekt behalten</translation>
    </message>
    <message>
        <source>Replace the existing object</source>
        <translation>Vorhandenes Objekt ersetzen</translation>
    </message>
    <message>
        <source>Also restore the &amp;dynamic filters</source>
        <translation>Auch die &amp;dynamischen Filter wiederherstellen</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importieren</translation>
    </message>
    <message>
        <source>Mode:</source>
        <translation>Modus:</translation>
    </message>
    <message>
        <source>When a &amp;name is taken:</source>
        <translation>Wenn ein &amp;Name vergeben ist:</translation>
    </message>
    <message>
        <source>What the import will change:</source>
        <translation>Was der Import ändern wird:</translation>
    </message>
    <message>
        <source>Cannot read the live state: %1</source>
        <translation>Der aktuelle Zustand kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The import changes nothing.</source>
        <translation>Der Import ändert nichts.</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s).</source>
        <translation>
            <numerusform>%n Änderung.</numerusform>
            <numerusform>%n Änderungen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>Reading the live state…</source>
        <translation>Der aktuelle Zustand wird gelesen…</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Wird importiert…</translation>
    </message>
    <message>
        <source>Importing the snapshot…</source>
        <translation>Der Snapshot wird importiert…</translation>
    </message>
</context>
<context>
    <name>ipsec::ui::InfoBar</name>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>ipsec::ui::IpFilterProtocolPage</name>
    <message>
        <source>IP Protocol Type</source>
        <translation>IP-Protokolltyp</translation>
    </message>
    <message>
        <source>Select the IP protocol type; for TCP and UDP you choose the ports next.</source>
        <translation>Wählen Sie den IP-Protokolltyp; bei TCP und UDP wählen Sie als Nächstes die Ports.</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>Beliebig</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Andere</translation>
    </message>
    <message>
        <source>&amp;Protocol type:</source>
        <translation>&amp;Protokolltyp:</translation>
    </message>
    <message>
        <source>Protocol &amp;number:</source>
        <translation>Protokoll&amp;nummer:</translation>
    </message>
</context>
<context>
    <name>ipsec::ui::IpFilterWizard</name>
    <message>
        <source>any port</source>
        <translation>beliebiger Port</translation>
    </message>
    <message>
        <source>Completing the IP Filter Wizard</source>
        <translation>Fertigstellen des IP-Filter-Assistenten</translation>
    </message>
    <message>
        <source>IP Filter Wizard</source>
        <translation>IP-Filter-Assistent</translation>
    </message>
    <message>
        <source>IP Filter Description and Mirrored property</source>
        <translation>IP-Filterbeschreibung und Eigenschaft &quot;Gespiegelt&quot;</translation>
    </message>
    <message>
        <source>&amp;Mirrored. Match packets with the exact opposite source and destination addresses.</source>
        <translation>&amp;Gespiegelt. Auch Pakete mit genau vertauschten Quell- und Zieladressen zuordnen.</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Beschreibung:</translation>
    </message>
    <message>
        <source>IP Traffic Source</source>
        <translation>Quelle des IP-Datenverkehrs</translation>
    </message>
    <message>
        <source>Specify the source address of the IP traffic.</source>
        <translation>Geben Sie die Quelladresse des IP-Datenverkehrs an.</translation>
    </message>
    <message>
        <source>IP Traffic Destination</source>
        <translation>Ziel des IP-Datenverkehrs</translation>
    </message>
    <message>
        <source>Specify the destination address of the IP traffic.</source>
        <translation>Geben Sie die Zieladresse des IP-Datenverkehrs an.</translation>
    </message>
    <message>
        <source>IP Protocol Port</source>
        <translation>IP-Protokollport</translation>
    </message>
    <message>
        <source>&amp;From this port:</source>
        <translation>&amp;Von diesem Port:</translation>
    </message>
    <message>
        <source>&amp;To this port:</source>
        <translation>&amp;An diesen Port:</translation>
    </message>
</context>
<context>
    <name>ipsec::ui::IpSecurityPolicyWizard</name>
    <message>
        <source>Requests for Secure Communication</source>
        <translation>Anforderungen für sichere Kommunikation</translation>
    </message>
    <message>
        <source>The default response rule answers remote computers that request security when no other rule applies.</source>
        <translation>Die Standardantwortregel antwortet Remotecomputern, die Sicherheit anfordern, wenn keine andere Regel zutrifft.</translation>
    </message>
    <message>
        <source>&amp;Activate the default response rule</source>
        <translation>Standardantwortregel &amp;aktivieren</translation>
    </message>
    <message>
        <source>IP Security Policy Wizard</source>
        <translation>IP-Sicherheitsrichtlinien-Assistent</translation>
    </message>
    <message>
        <source>IP Security Policy Name</source>
        <translation>Name der IP-Sicherheitsrichtlinie</translation>
    </message>
    <message>
        <source>Name this IP Security policy and give it a short description.</source>
        <translation>Geben Sie der IP-Sicherheitsrichtlinie einen Namen und eine kurze Beschreibung.</translation>
    </message>
    <message>
        <source>Completing the IP Security Policy Wizard</source>
        <translation>Fertigstellen des IP-Sicherheitsrichtlinien-Assistenten</translation>
    </message>
    <message>
        <source>Policy &quot;%1&quot; will be created with an active default response rule.</source>
        <translation>Die Richtlinie &quot;%1&quot; wird mit einer aktiven Standardantwortregel erstellt.</translation>
    </message>
    <message>
        <source>Policy &quot;%1&quot; will be created; its default response rule is inactive.</source>
        <translation>Die Richtlinie &quot;%1&quot; wird erstellt; ihre Standardantwortregel ist inaktiv.</translation>
    </message>
</context>
<context>
    <name>ipsec::ui::KeyExchangeDialog</name>
    <message>
        <source>DES</source>
        <translation>DES</translation>
    </message>
    <message>
        <source>3DES</source>
        <translation>3DES</translation>
    </message>
    <message>
        <source>AES-128</source>
        <translation>AES-128</translation>
    </message>
    <message>
        <source>AES-192</source>
        <translation>AES-192</translation>
    </message>
    <message>
        <source>AES-256</source>
        <translation>AES-256</translation>
    </message>
    <message>
        <source>Low (1)</source>
        <translation>Niedrig (1)</translation>
    </message>
    <message>
        <source>Medium (2)</source>
        <translation>Mittel (2)</translation>
    </message>
    <message>
        <source>High (2048)</source>
        <translation>Hoch (2048)</translation>
    </message>
    <message>
        <source>Master key &amp;perfect forward secrecy (PFS)</source>
        <translation>Hauptschlüssel mit &amp;Perfect Forward Secrecy (PFS)</translation>
    </message>
    <message>
        <source>A&amp;dd...</source>
        <translation>Hin&amp;zufügen...</translation>
    </message>
    <message>
        <source>&amp;Edit...</source>
        <translation>&amp;Bearbeiten...</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>Nach &amp;oben</translation>
    </message>
    <message>
        <source>Move d&amp;own</source>
        <translation>Nach &amp;unten</translation>
    </message>
    <message>
        <source>Key Exchange Settings</source>
        <translation>Einstellungen für den Schlüsselaustausch</translation>
    </message>
    <message>
        <source> minute(s)</source>
        <translation> Minute(n)</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>keine Begrenzung</translation>
    </message>
    <message>
        <source> session(s)</source>
        <translation> Sitzung(en)</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Encryption</source>
        <translation>Verschlüsselung</translation>
    </message>
    <message>
        <source>Integrity</source>
        <translation>Integrität</translation>
    </message>
    <message>
        <source>Diffie-Hellman Group</source>
        <translation>Diffie-Hellman-Gruppe</translation>
    </message>
    <message>
        <source>Authenticate and generate a new key</source>
        <translation>Authentifizieren und neuen Schlüssel generieren</translation>
    </message>
    <message>
        <source>After every:</source>
        <translation>Nach jeweils:</translation>
    </message>
    <message>
        <source>Key Exchange Security Methods</source>
        <translation>Sicherheitsmethoden für den Schlüsselaustausch</translation>
    </message>
    <message>
        <source>IKE</source>
        <translation>IKE</translation>
    </message>
    <message>
        <source>MD5</source>
        <translation>MD5</translation>
    </message>
    <message>
        <source>SHA1</source>
        <translation>SHA1</translation>
    </message>
    <message>
        <source>Add at least one key exchange security method: without one no main mode can be negotiated.</source>
        <translation>Fügen Sie mindestens eine Sicherheitsmethode für den Schlüsselaustausch hinzu: Ohne eine solche kann kein Hauptmodus ausgehandelt werden.</translation>
    </message>
    <message>
        <source>The key lifetime must be at least 1 minute.</source>
        <translation>Die Schlüssellebensdauer muss mindestens 1 Minute betragen.</translation>
    </message>
</context>
<context>
    <name>ipsec::ui::MainWindow</name>
    <message>
        <source>No policy is assigned.</source>
        <translation>Es ist keine Richtlinie zugewiesen.</translation>
    </message>
    <message>
        <source>Search policies, rules, filters…</source>
        <translation>Richtlinien, Regeln, Filter durchsuchen…</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>You are not root and no policy agent is running: this console edits the policy store %1, but changes are not enforced in the kernel.</source>
        <translation>Sie sind nicht root und es läuft kein Richtlinien-Agent: Diese Konsole bearbeitet den Richtlinienspeicher %1, aber die Änderungen werden nicht im Kernel durchgesetzt.</translation>
    </message>
    <message>
        <source>&amp;Assign</source>
        <translation>&amp;Zuweisen</translation>
    </message>
    <message>
        <source>&amp;Un-assign</source>
        <translation>Zuweisung &amp;aufheben</translation>
    </message>
    <message>
        <source>&amp;Properties</source>
        <translation>&amp;Eigenschaften</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Add &amp;Rule…</source>
        <translation>Regel &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>New IP &amp;Filter List…</source>
        <translation>Neue IP-&amp;Filterliste…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>A&amp;ktualisieren</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Suchen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Action</source>
        <translation>&amp;Aktion</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Hauptsymbolleiste</translation>
    </message>
    <message>
        <source>The policy store cannot be read: %1</source>
        <translation>Der Richtlinienspeicher kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Assigned policy: %1.</source>
        <translation>Zugewiesene Richtlinie: %1.</translation>
    </message>
    <message>
        <source>Changes are stored but not enforced (needs root or the policy agent).</source>
        <translation>Änderungen werden gespeichert, aber nicht durchgesetzt (erfordert root oder den Richtlinien-Agenten).</translation>
    </message>
    <message>
        <source>Enforced; the kernel cannot be read: %1</source>
        <translation>Durchgesetzt; der Kernel kann nicht gelesen werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>Enforced; the kernel is in sync (%n entr(y/ies)).</source>
        <translation>
            <numerusform>Durchgesetzt; der Kernel ist synchron (%n Eintrag).</numerusform>
            <numerusform>Durchgesetzt; der Kernel ist synchron (%n Einträge).</numerusform>
        </translation>
    </message>
    <message>
        <source>Enforced, but the kernel is NOT in sync: %1 missing, %2 extra.</source>
        <translation>Durchgesetzt, aber der Kernel ist NICHT synchron: %1 fehlend, %2 zusätzlich.</translation>
    </message>
    <message>
        <source>&amp;Block a Port…</source>
        <translation>&amp;Port blockieren…</translation>
    </message>
    <message>
        <source>Block a protocol and port with a wizard</source>
        <translation>Ein Protokoll und einen Port mit einem Assistenten blockieren</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>A&amp;nsicht</translation>
    </message>
    <message>
        <source>Monitor</source>
        <translation>Überwachung</translation>
    </message>
    <message>
        <source>Packet Tester</source>
        <translation>Pakettester</translation>
    </message>
    <message>
        <source>IP Security Policies on Local Computer — %1</source>
        <translation>IP-Sicherheitsrichtlinien auf Lokaler Computer — %1</translation>
    </message>
    <message>
        <source>IP Security Policies on Local Computer — %1, namespace %2</source>
        <translation>IP-Sicherheitsrichtlinien auf Lokaler Computer — %1, Namespace %2</translation>
    </message>
    <message>
        <source>Assign</source>
        <translation>Zuweisen</translation>
    </message>
    <message>
        <source>Properties</source>
        <translation>Eigenschaften</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Re&amp;name</source>
        <translation>&amp;Umbenennen</translation>
    </message>
    <message>
        <source>&amp;Create IP Security Policy…</source>
        <translation>IP-Sicherheitsrichtlinie &amp;erstellen…</translation>
    </message>
    <message>
        <source>New Filter Ac&amp;tion…</source>
        <translation>Neue &amp;Filteraktion…</translation>
    </message>
    <message>
        <source>Block %1</source>
        <translation>%1 blockieren</translation>
    </message>
    <message>
        <source>&amp;Assign “%1”</source>
        <translation>“%1“ &amp;zuweisen</translation>
    </message>
    <message>
        <source>&amp;Properties of “%1”</source>
        <translation>&amp;Eigenschaften von “%1“</translation>
    </message>
    <message>
        <source>&amp;Delete “%1”</source>
        <translation>“%1“ &amp;löschen</translation>
    </message>
    <message>
        <source>Add &amp;Rule to “%1”…</source>
        <translation>&amp;Regel zu “%1“ hinzufügen…</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Umbenennen</translation>
    </message>
    <message>
        <source>New &amp;name:</source>
        <translation>Neuer &amp;Name:</translation>
    </message>
    <message>
        <source>Reading the policy…</source>
        <translation>Richtlinie wird gelesen…</translation>
    </message>
    <message>
        <source>Reading the kernel…</source>
        <translation>Kernel wird gelesen…</translation>
    </message>
    <message>
        <source>Re-applying the policy…</source>
        <translation>Richtlinie wird erneut angewendet…</translation>
    </message>
    <message>
        <source>Re-applying failed: %1</source>
        <translation>Erneutes Anwenden fehlgeschlagen: %1</translation>
    </message>
    <message numerus="yes">
        <source>Emergency unassign in effect since %1 — %n entr(y/ies) removed. The host is not protected by its IPsec policy.</source>
        <translation>
            <numerusform>Notfall-Aufhebung wirksam seit %1 — %n Eintrag entfernt. Der Host ist nicht durch seine IPsec-Richtlinie geschützt.</numerusform>
            <numerusform>Notfall-Aufhebung wirksam seit %1 — %n Einträge entfernt. Der Host ist nicht durch seine IPsec-Richtlinie geschützt.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Reassign</source>
        <translation>Erneut &amp;zuweisen</translation>
    </message>
    <message>
        <source>The kernel does NOT enforce the stored policy: %1 entries missing, %2 extra.</source>
        <translation>Der Kernel setzt die gespeicherte Richtlinie NICHT durch: %1 Einträge fehlen, %2 zusätzlich.</translation>
    </message>
    <message>
        <source>Re-a&amp;pply</source>
        <translation>Erneut an&amp;wenden</translation>
    </message>
    <message>
        <source>Emergency unassign in effect since %1. %2 The host is not protected by its IPsec policy.</source>
        <translation>Notfall-Zuweisungsaufhebung aktiv seit %1. %2 Der Host ist nicht durch seine IPsec-Richtlinie geschützt.</translation>
    </message>
    <message>
        <source>The directory cannot be opened: %1</source>
        <translation>Das Verzeichnis kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>Policy assigned from the domain: %1.</source>
        <translation>Von der Domäne zugewiesene Richtlinie: %1.</translation>
    </message>
    <message>
        <source>Policy assigned from the domain: %1 (cached copy; the directory cannot be used).</source>
        <translation>Von der Domäne zugewiesene Richtlinie: %1 (zwischengespeicherte Kopie; das Verzeichnis kann nicht verwendet werden).</translation>
    </message>
    <message>
        <source>The local policy %1 is overridden.</source>
        <translation>Die lokale Richtlinie %1 wird außer Kraft gesetzt.</translation>
    </message>
    <message>
        <source>&amp;IP Security Policies on Active Directory…</source>
        <translation>&amp;IP-Sicherheitsrichtlinien in Active Directory…</translation>
    </message>
</context>
<context>
    <name>ipsec::ui::MonitorView</name>
    <message>
        <source>any</source>
        <translation>beliebig</translation>
    </message>
    <message>
        <source>type %1 code %2</source>
        <translation>Typ %1, Code %2</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>in force</source>
        <translation>in Kraft</translation>
    </message>
    <message>
        <source>extra (not in the policy)</source>
        <translation>zusätzlich (nicht in der Richtlinie)</translation>
    </message>
    <message>
        <source>missing (not in the kernel)</source>
        <translation>fehlt (nicht im Kernel)</translation>
    </message>
    <message>
        <source>foreign</source>
        <translation>fremd</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Richtung</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Ports</source>
        <translation>Ports</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>Last Use</source>
        <translation>Letzte Verwendung</translation>
    </message>
    <message>
        <source>Counter</source>
        <translation>Zähler</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Nothing to show: the console keeps the policy in the store only and does not enforce it, because changing or reading the kernel&apos;s IPsec policy needs root.</source>
        <translation>Nichts anzuzeigen: Die Konsole hält die Richtlinie nur im Speicher und setzt sie nicht durch, weil das Ändern oder Lesen der IPsec-Richtlinie des Kernels root erfordert.</translation>
    </message>
    <message>
        <source>The kernel&apos;s IPsec policy cannot be read: %1</source>
        <translation>Die IPsec-Richtlinie des Kernels kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The kernel enforces exactly what the policy asks for.</source>
        <translation>Der Kernel setzt genau das durch, was die Richtlinie verlangt.</translation>
    </message>
    <message>
        <source>The kernel differs from the policy: %1 missing, %2 extra entries (highlighted).</source>
        <translation>Der Kernel weicht von der Richtlinie ab: %1 fehlende, %2 zusätzliche Einträge (hervorgehoben).</translation>
    </message>
    <message>
        <source>(/proc/net/xfrm_stat is not available)</source>
        <translation>(/proc/net/xfrm_stat ist nicht verfügbar)</translation>
    </message>
    <message>
        <source>Reading what the kernel enforces…</source>
        <translation>Lesen, was der Kernel durchsetzt…</translation>
    </message>
    <message>
        <source>Reading the kernel…</source>
        <translation>Kernel wird gelesen…</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Modus</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>Peer</source>
        <translation>Peer</translation>
    </message>
    <message>
        <source>Algorithms</source>
        <translation>Algorithmen</translation>
    </message>
    <message>
        <source>Lifetime</source>
        <translation>Lebensdauer</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Block and permit: nftables table inet ipsec_console (%1 rules, %2 set elements); this list shows the XFRM part.</source>
        <translation>Blockieren und Zulassen: nftables-Tabelle inet ipsec_console (%1 Regeln, %2 Set-Elemente); diese Liste zeigt den XFRM-Teil.</translation>
    </message>
    <message>
        <source>nftables %1 (%2)</source>
        <translation>nftables %1 (%2)</translation>
    </message>
    <message>
        <source>Negotiation is unavailable: %1. Traffic that requires security is dropped (never passed in clear text) until the IKE daemon runs.</source>
        <translation>Aushandlung ist nicht verfügbar: %1. Datenverkehr, der Sicherheit erfordert, wird verworfen (nie im Klartext durchgelassen), bis der IKE-Daemon läuft.</translation>
    </message>
    <message>
        <source>IKE daemon (strongSwan charon): %1 main mode and %2 quick mode security association(s).</source>
        <translation>IKE-Daemon (strongSwan charon): %1 Hauptmodus- und %2 Schnellmodus-Sicherheitszuordnung(en).</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Main mode (IKEv%1)</source>
        <translation>Hauptmodus (IKEv%1)</translation>
    </message>
    <message>
        <source>%1 (foreign)</source>
        <translation>%1 (fremd)</translation>
    </message>
    <message>
        <source>rekey in %1</source>
        <translation>Schlüsselerneuerung in %1</translation>
    </message>
    <message>
        <source>%1 ↔ %2, established %3 ago</source>
        <translation>%1 ↔ %2, aufgebaut vor %3</translation>
    </message>
    <message>
        <source>Quick mode (%1)</source>
        <translation>Schnellmodus (%1)</translation>
    </message>
    <message>
        <source>expires in %1</source>
        <translation>läuft ab in %1</translation>
    </message>
    <message>
        <source>SPI %1/%2, %3 = %4</source>
        <translation>SPI %1/%2, %3 = %4</translation>
    </message>
    <message>
        <source>IKE and IPsec SAs</source>
        <translation>IKE- und IPsec-SAs</translation>
    </message>
    <message>
        <source>Counters</source>
        <translation>Zähler</translation>
    </message>
</context>
<context>
    <name>ipsec::ui::NameDescriptionPage</name>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Beschreibung:</translation>
    </message>
    <message>
        <source>The name &quot;%1&quot; is taken; enter another name.</source>
        <translation>Der Name &quot;%1&quot; ist bereits vergeben; geben Sie einen anderen Namen ein.</translation>
    </message>
</context>
<context>
    <name>ipsec::ui::ObjectEditor</name>
    <message>
        <source>Assign %1</source>
        <translation>%1 zuweisen</translation>
    </message>
    <message>
        <source>Un-assign %1</source>
        <translation>Zuweisung von %1 aufheben</translation>
    </message>
    <message>
        <source>Create policy %1</source>
        <translation>Richtlinie %1 erstellen</translation>
    </message>
    <message>
        <source>The policy no longer exists.</source>
        <translation>Die Richtlinie existiert nicht mehr.</translation>
    </message>
    <message>
        <source>Edit policy %1</source>
        <translation>Richtlinie %1 bearbeiten</translation>
    </message>
    <message>
        <source>Create rule %1</source>
        <translation>Regel %1 erstellen</translation>
    </message>
    <message>
        <source>The rule no longer exists.</source>
        <translation>Die Regel existiert nicht mehr.</translation>
    </message>
    <message>
        <source>Edit rule %1</source>
        <translation>Regel %1 bearbeiten</translation>
    </message>
    <message>
        <source>Create filter list %1</source>
        <translation>Filterliste %1 erstellen</translation>
    </message>
    <message>
        <source>The filter list no longer exists.</source>
        <translation>Die Filterliste existiert nicht mehr.</translation>
    </message>
    <message>
        <source>Edit filter list %1</source>
        <translation>Filterliste %1 bearbeiten</translation>
    </message>
    <message>
        <source>Create filter action %1</source>
        <translation>Filteraktion %1 erstellen</translation>
    </message>
    <message>
        <source>The filter action no longer exists.</source>
        <translation>Die Filteraktion existiert nicht mehr.</translation>
    </message>
    <message>
        <source>Edit filter action %1</source>
        <translation>Filteraktion %1 bearbeiten</translation>
    </message>
    <message>
        <source>the policy %1</source>
        <translation>die Richtlinie %1</translation>
    </message>
    <message>
        <source>the rule %1</source>
        <translation>die Regel %1</translation>
    </message>
    <message>
        <source>the filter list %1</source>
        <translation>die Filterliste %1</translation>
    </message>
    <message>
        <source>the filter action %1</source>
        <translation>die Filteraktion %1</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Delete %1? You can undo this with Edit ▸ Undo.</source>
        <translation>%1 löschen? Sie können dies mit Bearbeiten ▸ Rückgängig widerrufen.</translation>
    </message>
    <message>
        <source>Delete filter list %1</source>
        <translation>Filterliste %1 löschen</translation>
    </message>
    <message>
        <source>Delete filter action %1</source>
        <translation>Filteraktion %1 löschen</translation>
    </message>
    <message>
        <source>Delete policy %1</source>
        <translation>Richtlinie %1 löschen</translation>
    </message>
    <message>
        <source>Delete filter</source>
        <translation>Filter löschen</translation>
    </message>
    <message>
        <source>Your SSH Connection</source>
        <translation>Ihre SSH-Verbindung</translation>
    </message>
    <message>
        <source>&amp;Apply Anyway</source>
        <translation>&amp;Trotzdem anwenden</translation>
    </message>
    <message>
        <source>the filter %1 of %2</source>
        <translation>der Filter %1 von %2</translation>
    </message>
    <message>
        <source>Delete rule %1</source>
        <translation>Regel %1 löschen</translation>
    </message>
    <message>
        <source>%1 What was done before it could not be taken back: %2</source>
        <translation>%1 Was zuvor ausgeführt wurde, konnte nicht rückgängig gemacht werden: %2</translation>
    </message>
</context>
<context>
    <name>ipsec::ui::ObjectTables</name>
    <message>
        <source>IP Security Policies</source>
        <translation>IP-Sicherheitsrichtlinien</translation>
    </message>
    <message>
        <source>IP Filter Lists</source>
        <translation>IP-Filterlisten</translation>
    </message>
    <message>
        <source>Filter Actions</source>
        <translation>Filteraktionen</translation>
    </message>
</context>
<context>
    <name>ipsec::ui::PacketTester</name>
    <message>
        <source>any port</source>
        <translation>beliebiger Port</translation>
    </message>
    <message>
        <source>&amp;Test Packet</source>
        <translation>Paket &amp;testen</translation>
    </message>
    <message>
        <source>e.g. 192.0.2.7</source>
        <translation>z. B. 192.0.2.7</translation>
    </message>
    <message>
        <source>e.g. 192.0.2.1</source>
        <translation>z. B. 192.0.2.1</translation>
    </message>
    <message>
        <source>Inbound</source>
        <translation>Eingehend</translation>
    </message>
    <message>
        <source>Outbound</source>
        <translation>Ausgehend</translation>
    </message>
    <message>
        <source>&amp;Source address:</source>
        <translation>&amp;Quelladresse:</translation>
    </message>
    <message>
        <source>Source &amp;port:</source>
        <translation>Q&amp;uellport:</translation>
    </message>
    <message>
        <source>&amp;Destination address:</source>
        <translation>&amp;Zieladresse:</translation>
    </message>
    <message>
        <source>Destination p&amp;ort:</source>
        <translation>Ziel&amp;port:</translation>
    </message>
    <message>
        <source>P&amp;rotocol:</source>
        <translation>P&amp;rotokoll:</translation>
    </message>
    <message>
        <source>D&amp;irection:</source>
        <translation>R&amp;ichtung:</translation>
    </message>
    <message>
        <source>The source &quot;%1&quot; is not an IP address.</source>
        <translation>Die Quelle &quot;%1&quot; ist keine IP-Adresse.</translation>
    </message>
    <message>
        <source>The destination &quot;%1&quot; is not an IP address.</source>
        <translation>Das Ziel &quot;%1&quot; ist keine IP-Adresse.</translation>
    </message>
    <message>
        <source>The source and destination mix IPv4 and IPv6.</source>
        <translation>Quelle und Ziel mischen IPv4 und IPv6.</translation>
    </message>
    <message>
        <source>Filter: %1 %2 (%3) → %4 (%5), protocol %6</source>
        <translation>Filter: %1 %2 (%3) → %4 (%5), Protokoll %6</translation>
    </message>
    <message>
        <source>Dynamic filter: %1</source>
        <translation>Dynamischer Filter: %1</translation>
    </message>
    <message>
        <source>Rule: %1</source>
        <translation>Regel: %1</translation>
    </message>
    <message>
        <source>Policy: %1</source>
        <translation>Richtlinie: %1</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Test läuft…</translation>
    </message>
    <message>
        <source>Testing the packet…</source>
        <translation>Paket wird getestet…</translation>
    </message>
</context>
<context>
    <name>ipsec::ui::PoliciesTableModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Policy Assigned</source>
        <translation>Richtlinie zugewiesen</translation>
    </message>
    <message>
        <source>Last Modified</source>
        <translation>Zuletzt geändert</translation>
    </message>
</context>
<context>
    <name>ipsec::ui::PolicyDialog</name>
    <message>
        <source>%1 Properties</source>
        <translation>Eigenschaften von %1</translation>
    </message>
    <message>
        <source>New IP Security Policy</source>
        <translation>Neue IP-Sicherheitsrichtlinie</translation>
    </message>
    <message>
        <source> minute(s)</source>
        <translation> Minute(n)</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Beschreibung:</translation>
    </message>
    <message>
        <source>&amp;Check for policy changes every:</source>
        <translation>Auf &amp;Richtlinienänderungen überprüfen alle:</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Regeln</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <source>IP Filter List</source>
        <translation>IP-Filterliste</translation>
    </message>
    <message>
        <source>Filter Action</source>
        <translation>Filteraktion</translation>
    </message>
    <message>
        <source>Authentication Methods</source>
        <translation>Authentifizierungsmethoden</translation>
    </message>
    <message>
        <source>A&amp;dd…</source>
        <translation>&amp;Hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Use Add &amp;Wizard</source>
        <translation>&amp;Assistent verwenden</translation>
    </message>
    <message>
        <source>IP security &amp;rules:</source>
        <translation>IP-Sicherheits&amp;regeln:</translation>
    </message>
    <message>
        <source>&lt;Dynamic&gt;</source>
        <translation>&lt;Dynamisch&gt;</translation>
    </message>
    <message>
        <source>Default Response</source>
        <translation>Standardantwort</translation>
    </message>
    <message>
        <source>&amp;Settings...</source>
        <translation>&amp;Einstellungen...</translation>
    </message>
    <message>
        <source>Key exchange using these settings:</source>
        <translation>Schlüsselaustausch mit diesen Einstellungen:</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n Minute(n)</numerusform>
            <numerusform>%n Minute(n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n Sekunde(n)</numerusform>
            <numerusform>%n Sekunde(n)</numerusform>
        </translation>
    </message>
    <message>
        <source>no session limit</source>
        <translation>keine Sitzungsbegrenzung</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n Sitzung(en)</numerusform>
            <numerusform>%n Sitzung(en)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>new key after %1 or %2; %3; %n method(s)</source>
        <translation>
            <numerusform>neuer Schlüssel nach %1 oder %2; %3; %n Methode(n)</numerusform>
            <numerusform>neuer Schlüssel nach %1 oder %2; %3; %n Methode(n)</numerusform>
        </translation>
    </message>
    <message>
        <source>master key PFS</source>
        <translation>Hauptschlüssel-PFS</translation>
    </message>
    <message>
        <source>no master key PFS</source>
        <translation>kein Hauptschlüssel-PFS</translation>
    </message>
</context>
<context>
    <name>ipsec::ui::PolicyTreeModel</name>
    <message>
        <source>IP Filter List: %1</source>
        <translation>IP-Filterliste: %1</translation>
    </message>
    <message>
        <source>Filter Action: %1</source>
        <translation>Filteraktion: %1</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
</context>
<context>
    <name>ipsec::ui::PortList</name>
    <message>
        <source>&quot;%1&quot; is not a port number: use digits, e.g. 1434.</source>
        <translation>&quot;%1&quot; ist keine Portnummer: Verwenden Sie Ziffern, z. B. 1434.</translation>
    </message>
    <message>
        <source>Port %1 is out of range: ports are 1 to 65535.</source>
        <translation>Port %1 liegt außerhalb des gültigen Bereichs: Ports reichen von 1 bis 65535.</translation>
    </message>
    <message>
        <source>Enter a port (1434) or a list of ports and ranges (135,137-139,445).</source>
        <translation>Geben Sie einen Port (1434) oder eine Liste von Ports und Bereichen (135,137-139,445) ein.</translation>
    </message>
    <message>
        <source>Item %1 of the list is empty: remove the extra comma.</source>
        <translation>Eintrag %1 der Liste ist leer: Entfernen Sie das überzählige Komma.</translation>
    </message>
    <message>
        <source>The range %1 runs backwards: write it as %2-%3.</source>
        <translation>Der Bereich %1 ist verkehrt herum: Schreiben Sie ihn als %2-%3.</translation>
    </message>
    <message>
        <source>The list names more than %1 ports; block fewer ports per rule.</source>
        <translation>Die Liste nennt mehr als %1 Ports; blockieren Sie weniger Ports pro Regel.</translation>
    </message>
</context>
<context>
    <name>ipsec::ui::PropertiesController</name>
    <message>
        <source>Create policy %1</source>
        <translation>Richtlinie %1 erstellen</translation>
    </message>
    <message>
        <source>Create rule %1</source>
        <translation>Regel %1 erstellen</translation>
    </message>
</context>
<context>
    <name>ipsec::ui::RuleDialog</name>
    <message>
        <source>Rule is &amp;active</source>
        <translation>Regel ist &amp;aktiv</translation>
    </message>
    <message>
        <source>%1 Properties</source>
        <translation>Eigenschaften von %1</translation>
    </message>
    <message>
        <source>none: this rule does not specify an IP tunnel</source>
        <translation>keiner: diese Regel legt keinen IP-Tunnel fest</translation>
    </message>
    <message>
        <source>All network connections</source>
        <translation>Alle Netzwerkverbindungen</translation>
    </message>
    <message>
        <source>Local area network (LAN)</source>
        <translation>LAN (lokales Netzwerk)</translation>
    </message>
    <message>
        <source>Remote access</source>
        <translation>RAS (Remotezugriff)</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>IP &amp;filter list:</source>
        <translation>IP-&amp;Filterliste:</translation>
    </message>
    <message>
        <source>Filter a&amp;ction:</source>
        <translation>Filtera&amp;ktion:</translation>
    </message>
    <message>
        <source>&amp;Tunnel endpoint:</source>
        <translation>&amp;Tunnelendpunkt:</translation>
    </message>
    <message>
        <source>Connection t&amp;ype:</source>
        <translation>&amp;Verbindungstyp:</translation>
    </message>
</context>
<context>
    <name>ipsec::ui::RuleFilterActionPage</name>
    <message>
        <source>Use an &amp;existing filter action:</source>
        <translation>&amp;Vorhandene Filteraktion verwenden:</translation>
    </message>
    <message>
        <source>Use a &amp;new filter action:</source>
        <translation>&amp;Neue Filteraktion verwenden:</translation>
    </message>
    <message>
        <source>(none yet)</source>
        <translation>(noch keine)</translation>
    </message>
    <message>
        <source>Filter Action</source>
        <translation>Filteraktion</translation>
    </message>
    <message>
        <source>Select the filter action for this security rule.</source>
        <translation>Wählen Sie die Filteraktion für diese Sicherheitsregel aus.</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Hinzufügen…</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>ipsec::ui::RuleFilterListPage</name>
    <message>
        <source>Use an &amp;existing IP filter list:</source>
        <translation>&amp;Vorhandene IP-Filterliste verwenden:</translation>
    </message>
    <message>
        <source>Create a &amp;new IP filter list named:</source>
        <translation>&amp;Neue IP-Filterliste erstellen mit dem Namen:</translation>
    </message>
    <message>
        <source>IP Filter List</source>
        <translation>IP-Filterliste</translation>
    </message>
    <message>
        <source>Select the IP filter list for the type of IP traffic this rule applies to.</source>
        <translation>Wählen Sie die IP-Filterliste für die Art des IP-Datenverkehrs, für die diese Regel gilt.</translation>
    </message>
    <message>
        <source>&amp;Add Filter…</source>
        <translation>Filter &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>Choose an IP filter list.</source>
        <translation>Wählen Sie eine IP-Filterliste aus.</translation>
    </message>
    <message>
        <source>An IP filter list named &quot;%1&quot; exists already.</source>
        <translation>Eine IP-Filterliste namens &quot;%1&quot; existiert bereits.</translation>
    </message>
    <message>
        <source>Add at least one filter to the new list.</source>
        <translation>Fügen Sie der neuen Liste mindestens einen Filter hinzu.</translation>
    </message>
</context>
<context>
    <name>ipsec::ui::SecurityRuleWizard</name>
    <message>
        <source>Security Rule Wizard</source>
        <translation>Sicherheitsregel-Assistent</translation>
    </message>
    <message>
        <source>Tunnel Endpoint</source>
        <translation>Tunnelendpunkt</translation>
    </message>
    <message>
        <source>The tunnel endpoint is the tunneling computer closest to the IP traffic destination.</source>
        <translation>Der Tunnelendpunkt ist der Tunnelcomputer, der dem Ziel des IP-Datenverkehrs am nächsten liegt.</translation>
    </message>
    <message>
        <source>This rule does &amp;not specify a tunnel</source>
        <translation>Diese Regel gibt &amp;keinen Tunnel an</translation>
    </message>
    <message>
        <source>The tunnel endpoint is specified by this &amp;IP address:</source>
        <translation>Der Tunnelendpunkt wird durch diese &amp;IP-Adresse angegeben:</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an IP address.</source>
        <translation>&quot;%1&quot; ist keine IP-Adresse.</translation>
    </message>
    <message>
        <source>Network Type</source>
        <translation>Netzwerktyp</translation>
    </message>
    <message>
        <source>Select the network type this security rule applies to.</source>
        <translation>Wählen Sie den Netzwerktyp aus, für den diese Sicherheitsregel gilt.</translation>
    </message>
    <message>
        <source>&amp;All network connections</source>
        <translation>&amp;Alle Netzwerkverbindungen</translation>
    </message>
    <message>
        <source>&amp;Local area network (LAN)</source>
        <translation>&amp;Lokales Netzwerk (LAN)</translation>
    </message>
    <message>
        <source>&amp;Remote access</source>
        <translation>&amp;Remotezugriff</translation>
    </message>
    <message>
        <source>Authentication Method</source>
        <translation>Authentifizierungsmethode</translation>
    </message>
    <message>
        <source>How computers establish trust when they negotiate security.</source>
        <translation>Wie Computer beim Aushandeln der Sicherheit eine Vertrauensstellung herstellen.</translation>
    </message>
    <message>
        <source>Active Directory default (&amp;Kerberos V5 protocol)</source>
        <translation>Active Directory-Standard (&amp;Kerberos V5-Protokoll)</translation>
    </message>
    <message>
        <source>Use a &amp;certificate from this certification authority (CA):</source>
        <translation>&amp;Zertifikat von dieser Zertifizierungsstelle verwenden:</translation>
    </message>
    <message>
        <source>Use this &amp;string to protect the key exchange (preshared key):</source>
        <translation>Diese &amp;Zeichenfolge zum Schutz des Schlüsselaustauschs verwenden (vorinstallierter Schlüssel):</translation>
    </message>
    <message>
        <source>Enter the name of the certification authority.</source>
        <translation>Geben Sie den Namen der Zertifizierungsstelle ein.</translation>
    </message>
    <message>
        <source>Enter the preshared key.</source>
        <translation>Geben Sie den vorinstallierten Schlüssel ein.</translation>
    </message>
    <message>
        <source>Completing the Security Rule Wizard</source>
        <translation>Fertigstellen des Sicherheitsregel-Assistenten</translation>
    </message>
    <message numerus="yes">
        <source>&quot;%1&quot; (new, %n filter(s))</source>
        <translation>
            <numerusform>&quot;%1&quot; (neu, %n Filter)</numerusform>
            <numerusform>&quot;%1&quot; (neu, %n Filter)</numerusform>
        </translation>
    </message>
    <message>
        <source>&quot;%1&quot;</source>
        <translation>&quot;%1&quot;</translation>
    </message>
    <message>
        <source>&quot;%1&quot; (new)</source>
        <translation>&quot;%1&quot; (neu)</translation>
    </message>
    <message>
        <source>The rule will use the filter list %1 and the filter action %2.</source>
        <translation>Die Regel verwendet die Filterliste %1 und die Filteraktion %2.</translation>
    </message>
</context>
<context>
    <name>ipsec::ui::SnapshotController</name>
    <message>
        <source>JSON snapshot (*.json);;netsh script (*.cmd);;ipseccmd script (*.sh);;HTML report (*.html)</source>
        <translation>JSON-Momentaufnahme (*.json);;netsh-Skript (*.cmd);;ipseccmd-Skript (*.sh);;HTML-Bericht (*.html)</translation>
    </message>
    <message>
        <source>&amp;Export Snapshot…</source>
        <translation>Momentaufnahme &amp;exportieren…</translation>
    </message>
    <message>
        <source>Export Selected &amp;Policy…</source>
        <translation>Ausgewählte &amp;Richtlinie exportieren…</translation>
    </message>
    <message>
        <source>&amp;Import Snapshot…</source>
        <translation>Momentaufnahme &amp;importieren…</translation>
    </message>
    <message>
        <source>&amp;Compare with Snapshot…</source>
        <translation>Mit Momentaufnahme &amp;vergleichen…</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>Export Snapshot</source>
        <translation>Momentaufnahme exportieren</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is larger than a snapshot may be.</source>
        <translation>%1 ist größer, als eine Momentaufnahme sein darf.</translation>
    </message>
    <message>
        <source>Import Snapshot</source>
        <translation>Momentaufnahme importieren</translation>
    </message>
    <message>
        <source>JSON snapshot (*.json)</source>
        <translation>JSON-Momentaufnahme (*.json)</translation>
    </message>
    <message>
        <source>Imported %1.</source>
        <translation>%1 importiert.</translation>
    </message>
    <message>
        <source>Compare with Snapshot</source>
        <translation>Mit Momentaufnahme vergleichen</translation>
    </message>
    <message>
        <source>Error: %1 has no snapshot file type; name it .json, .cmd, .sh or .html.</source>
        <translation>Fehler: %1 hat keinen Dateityp für Momentaufnahmen; benennen Sie sie .json, .cmd, .sh oder .html.</translation>
    </message>
    <message>
        <source>Snapshot saved to %1 (%2, readable by its owner only).</source>
        <translation>Momentaufnahme in %1 gespeichert (%2, nur für den Besitzer lesbar).</translation>
    </message>
    <message>
        <source>the selected policy no longer exists.</source>
        <translation>die ausgewählte Richtlinie existiert nicht mehr.</translation>
    </message>
    <message>
        <source>Exporting the snapshot…</source>
        <translation>Momentaufnahme wird exportiert…</translation>
    </message>
    <message>
        <source>Reading the live state…</source>
        <translation>Aktueller Zustand wird gelesen…</translation>
    </message>
</context>
<context>
    <name>ipsec::ui::SnapshotDiffView</name>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>Objekt</translation>
    </message>
    <message>
        <source>Name / field</source>
        <translation>Name / Feld</translation>
    </message>
    <message>
        <source>Before → after</source>
        <translation>Vorher → nachher</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Hinzugefügt</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>Entfernt</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
</context>
<context>
    <name>ipsec::vici::Client</name>
    <message>
        <source>IKE daemon (charon) at %1: %2</source>
        <translation>IKE-Daemon (charon) unter %1: %2</translation>
    </message>
    <message>
        <source>not a usable socket path</source>
        <translation>kein verwendbarer Socket-Pfad</translation>
    </message>
    <message>
        <source>not running (%1)</source>
        <translation>läuft nicht (%1)</translation>
    </message>
    <message>
        <source>request too large (%1 bytes)</source>
        <translation>Anfrage zu groß (%1 Bytes)</translation>
    </message>
    <message>
        <source>timed out sending</source>
        <translation>Zeitüberschreitung beim Senden</translation>
    </message>
    <message>
        <source>connection lost (%1)</source>
        <translation>Verbindung verloren (%1)</translation>
    </message>
    <message>
        <source>the daemon closed the connection</source>
        <translation>der Daemon hat die Verbindung geschlossen</translation>
    </message>
    <message>
        <source>no answer within %1 ms</source>
        <translation>keine Antwort innerhalb von %1 ms</translation>
    </message>
    <message>
        <source>does not know the command %1</source>
        <translation>kennt den Befehl %1 nicht</translation>
    </message>
    <message>
        <source>unexpected %1 answer to %2</source>
        <translation>unerwartete Antwort %1 auf %2</translation>
    </message>
    <message>
        <source>does not know the event %1</source>
        <translation>kennt das Ereignis %1 nicht</translation>
    </message>
    <message>
        <source>unexpected %1 answer to registering %2</source>
        <translation>unerwartete Antwort %1 auf die Registrierung von %2</translation>
    </message>
    <message>
        <source>The IKE daemon refused %1: %2</source>
        <translation>Der IKE-Daemon hat %1 abgelehnt: %2</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>kein Grund angegeben</translation>
    </message>
</context>
<context>
    <name>ipsec::vici::ConnectionBuilder</name>
    <message>
        <source>rule &quot;%1&quot;</source>
        <translation>Regel &quot;%1&quot;</translation>
    </message>
    <message>
        <source>Kerberos authentication of %1 is not available on Linux: skipped.</source>
        <translation>Kerberos-Authentifizierung von %1 ist unter Linux nicht verfügbar: übersprungen.</translation>
    </message>
    <message>
        <source>The preshared key of %1 is not readable here: skipped.</source>
        <translation>Der vorinstallierte Schlüssel von %1 ist hier nicht lesbar: übersprungen.</translation>
    </message>
    <message>
        <source>%1 has no authentication method usable with strongSwan (preshared key or certificate): it is not negotiated, and its traffic passes only as its filter action allows without security.</source>
        <translation>%1 hat keine mit strongSwan verwendbare Authentifizierungsmethode (vorinstallierter Schlüssel oder Zertifikat): Es wird nicht ausgehandelt, und sein Datenverkehr wird nur so weit ohne Sicherheit durchgelassen, wie seine Filteraktion es erlaubt.</translation>
    </message>
    <message>
        <source>Security method %1 of %2 cannot be negotiated by strongSwan (ESP needs an integrity algorithm): skipped.</source>
        <translation>Die Sicherheitsmethode %1 von %2 kann von strongSwan nicht ausgehandelt werden (ESP benötigt einen Integritätsalgorithmus): übersprungen.</translation>
    </message>
    <message>
        <source>%1 mixes AH-only and ESP security methods: only the %2 ones are offered.</source>
        <translation>%1 mischt reine AH- und ESP-Sicherheitsmethoden: Nur die %2-Methoden werden angeboten.</translation>
    </message>
    <message>
        <source>%1 has no security method strongSwan can negotiate: it is not negotiated.</source>
        <translation>%1 hat keine Sicherheitsmethode, die strongSwan aushandeln kann: Es wird nicht ausgehandelt.</translation>
    </message>
    <message>
        <source>certificate (CA %1)</source>
        <translation>Zertifikat (Zertifizierungsstelle %1)</translation>
    </message>
    <message>
        <source>Rule &quot;%1&quot; is a tunnel rule: tunnels are not negotiated yet.</source>
        <translation>Regel &quot;%1&quot; ist eine Tunnelregel: Tunnel werden noch nicht ausgehandelt.</translation>
    </message>
    <message>
        <source>Policy &quot;%1&quot; allows %2 quick modes per main mode: strongSwan has no such limit; only the main mode lifetime starts a new main mode.</source>
        <translation>Richtlinie &quot;%1&quot; erlaubt %2 Schnellmodi pro Hauptmodus: strongSwan kennt keine solche Begrenzung; nur die Lebensdauer des Hauptmodus startet einen neuen Hauptmodus.</translation>
    </message>
    <message>
        <source>Dynamic rule %1 names main mode policy &quot;%2&quot;, which no longer exists: the default offers are used.</source>
        <translation>Die dynamische Regel %1 verweist auf die Hauptmodusrichtlinie &quot;%2&quot;, die nicht mehr existiert: Es werden die Standardangebote verwendet.</translation>
    </message>
    <message>
        <source>dynamic rule %1</source>
        <translation>dynamische Regel %1</translation>
    </message>
    <message>
        <source>dynamic %1</source>
        <translation>dynamisch %1</translation>
    </message>
    <message>
        <source>Dynamic negotiate filters without authentication methods are not negotiated (Require Security drops their traffic); give psk= or rootca= in netsh ipsec dynamic add rule.</source>
        <translation>Dynamische Aushandlungsfilter ohne Authentifizierungsmethoden werden nicht ausgehandelt (&quot;Sicherheit erforderlich&quot; verwirft ihren Datenverkehr); geben Sie psk= oder rootca= in netsh ipsec dynamic add rule an.</translation>
    </message>
</context>
<context>
    <name>ipsec::vici::ConnectionSync</name>
    <message>
        <source>IKE: loaded connection %1 for rule &quot;%2&quot; (%3).</source>
        <translation>IKE: Verbindung %1 für Regel &quot;%2&quot; geladen (%3).</translation>
    </message>
    <message>
        <source>IKE: unloaded connection %1.</source>
        <translation>IKE: Verbindung %1 entladen.</translation>
    </message>
    <message>
        <source>IKE: closed the security association of %1 with %2.</source>
        <translation>IKE: Sicherheitszuordnung von %1 mit %2 geschlossen.</translation>
    </message>
</context>
<context>
    <name>ipsec::vici::DaemonWatch</name>
    <message>
        <source>the IKE daemon (charon) at %1 closed its connection</source>
        <translation>der IKE-Daemon (charon) unter %1 hat seine Verbindung geschlossen</translation>
    </message>
    <message>
        <source>the connection to the IKE daemon (charon) at %1 broke: %2</source>
        <translation>die Verbindung zum IKE-Daemon (charon) unter %1 ist abgebrochen: %2</translation>
    </message>
</context>
<context>
    <name>ipsec::vici::Message</name>
    <message>
        <source>more than %1 elements</source>
        <translation>mehr als %1 Elemente</translation>
    </message>
    <message>
        <source>element type %1 inside list &quot;%2&quot;</source>
        <translation>Elementtyp %1 innerhalb der Liste &quot;%2&quot;</translation>
    </message>
    <message>
        <source>truncated section name</source>
        <translation>abgeschnittener Abschnittsname</translation>
    </message>
    <message>
        <source>sections nested deeper than %1</source>
        <translation>Abschnitte tiefer verschachtelt als %1</translation>
    </message>
    <message>
        <source>section end without a section</source>
        <translation>Abschnittsende ohne Abschnitt</translation>
    </message>
    <message>
        <source>truncated key/value</source>
        <translation>abgeschnittenes Schlüssel-Wert-Paar</translation>
    </message>
    <message>
        <source>truncated list name</source>
        <translation>abgeschnittener Listenname</translation>
    </message>
    <message>
        <source>list item outside a list</source>
        <translation>Listeneintrag außerhalb einer Liste</translation>
    </message>
    <message>
        <source>truncated list item</source>
        <translation>abgeschnittener Listeneintrag</translation>
    </message>
    <message>
        <source>list end outside a list</source>
        <translation>Listenende außerhalb einer Liste</translation>
    </message>
    <message>
        <source>unknown element type %1</source>
        <translation>unbekannter Elementtyp %1</translation>
    </message>
    <message>
        <source>list &quot;%1&quot; not closed</source>
        <translation>Liste &quot;%1&quot; nicht geschlossen</translation>
    </message>
    <message numerus="yes">
        <source>%n section(s) not closed</source>
        <translation>
            <numerusform>%n Abschnitt nicht geschlossen</numerusform>
            <numerusform>%n Abschnitte nicht geschlossen</numerusform>
        </translation>
    </message>
    <message>
        <source>Malformed VICI message at byte %1: %2</source>
        <translation>Fehlerhafte VICI-Nachricht bei Byte %1: %2</translation>
    </message>
</context>
<context>
    <name>ipsec::vici::Packet</name>
    <message>
        <source>Empty VICI packet.</source>
        <translation>Leeres VICI-Paket.</translation>
    </message>
    <message>
        <source>Unknown VICI packet type %1.</source>
        <translation>Unbekannter VICI-Pakettyp %1.</translation>
    </message>
    <message>
        <source>VICI packet %1 without a name.</source>
        <translation>VICI-Paket %1 ohne Namen.</translation>
    </message>
    <message>
        <source>VICI packet %1 with a truncated name.</source>
        <translation>VICI-Paket %1 mit abgeschnittenem Namen.</translation>
    </message>
    <message>
        <source>VICI packet %1 with trailing bytes.</source>
        <translation>VICI-Paket %1 mit überzähligen Bytes am Ende.</translation>
    </message>
    <message>
        <source>The VICI stream is out of step.</source>
        <translation>Der VICI-Datenstrom ist nicht mehr synchron.</translation>
    </message>
    <message>
        <source>A VICI packet of %1 bytes (at most %2, at least 1).</source>
        <translation>Ein VICI-Paket von %1 Bytes (höchstens %2, mindestens 1).</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>IPsec Policy Console</source>
        <translation>IPsec-Richtlinienkonsole</translation>
    </message>
    <message>
        <source>Cannot read %1.</source>
        <translation>%1 kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>--watch-interval needs at least 50 ms.</source>
        <translation>--watch-interval benötigt mindestens 50 ms.</translation>
    </message>
    <message>
        <source>Not root: the store is served, the kernel is not changed.</source>
        <translation>Nicht root: Der Speicher wird bereitgestellt, der Kernel wird nicht geändert.</translation>
    </message>
    <message>
        <source>No D-Bus connection: %1</source>
        <translation>Keine D-Bus-Verbindung: %1</translation>
    </message>
    <message>
        <source>Enforcing at start failed: %1</source>
        <translation>Das Durchsetzen beim Start ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Serving %1 (network namespace %2, store %3, admin group %4).</source>
        <translation>%1 wird bereitgestellt (Netzwerk-Namespace %2, Speicher %3, Administratorgruppe %4).</translation>
    </message>
    <message>
        <source>--poll-interval needs a number of seconds (0: the policy&apos;s own).</source>
        <translation>--poll-interval erfordert eine Anzahl von Sekunden (0: das eigene Intervall der Richtlinie).</translation>
    </message>
    <message>
        <source>--backend needs nft or xfrm.</source>
        <translation>--backend erfordert nft oder xfrm.</translation>
    </message>
    <message>
        <source>The IKE daemon answers at %1</source>
        <translation>Der IKE-Daemon antwortet unter %1</translation>
    </message>
    <message>
        <source>Negotiation is unavailable: %1; waiting for it to come back.</source>
        <translation>Aushandlung ist nicht verfügbar: %1; es wird gewartet, bis sie wieder verfügbar ist.</translation>
    </message>
</context>
</TS>
