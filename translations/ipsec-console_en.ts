<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>BatchTool</name>
    <message numerus="yes">
        <source>%1: %n command(s) run, none failed.</source>
        <translation>
            <numerusform>%1: %n command run, none failed.</numerusform>
            <numerusform>%1: %n commands run, none failed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n command(s) run; failed at line(s) %2.</source>
        <translation>
            <numerusform>%1: %n command run; failed at line(s) %2.</numerusform>
            <numerusform>%1: %n commands run; failed at line(s) %2.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message numerus="yes">
        <source>Keep these changes? Confirm with &apos;%1 confirm&apos; within %n s; otherwise the policy agent rolls them back.</source>
        <translation>
            <numerusform>Keep these changes? Confirm with &apos;%1 confirm&apos; within %n s; otherwise the policy agent rolls them back.</numerusform>
            <numerusform>Keep these changes? Confirm with &apos;%1 confirm&apos; within %n s; otherwise the policy agent rolls them back.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConfirmationWait</name>
    <message numerus="yes">
        <source>Keep these changes? Type yes within %n s, or run &apos;%1&apos; from another shell; otherwise they are rolled back.</source>
        <translation>
            <numerusform>Keep these changes? Type yes within %n s, or run &apos;%1&apos; from another shell; otherwise they are rolled back.</numerusform>
            <numerusform>Keep these changes? Type yes within %n s, or run &apos;%1&apos; from another shell; otherwise they are rolled back.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Keep these changes? Run &apos;%1&apos; within %n s; otherwise they are rolled back.</source>
        <translation>
            <numerusform>Keep these changes? Run &apos;%1&apos; within %n s; otherwise they are rolled back.</numerusform>
            <numerusform>Keep these changes? Run &apos;%1&apos; within %n s; otherwise they are rolled back.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Rolled back in %n s unless confirmed.</source>
        <translation>
            <numerusform>Rolled back in %n s unless confirmed.</numerusform>
            <numerusform>Rolled back in %n s unless confirmed.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NetshTool</name>
    <message numerus="yes">
        <source>netsh: %1: %n line(s) failed; the other lines were applied.</source>
        <translation>
            <numerusform>netsh: %1: %n line failed; the other lines were applied.</numerusform>
            <numerusform>netsh: %1: %n lines failed; the other lines were applied.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PolicyAgent</name>
    <message numerus="yes">
        <source>Emergency unassign: removed %n kernel entr(y/ies).</source>
        <translation>
            <numerusform>Emergency unassign: removed %n kernel entry.</numerusform>
            <numerusform>Emergency unassign: removed %n kernel entries.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ipsec::HtmlReportWriter</name>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ipsec::NetshDynamicRules</name>
    <message numerus="yes">
        <source>Deleted %n dynamic filter(s).</source>
        <translation>
            <numerusform>Deleted %n dynamic filter.</numerusform>
            <numerusform>Deleted %n dynamic filters.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n dynamic filter(s) of %1 -&gt; %2.</source>
        <translation>
            <numerusform>Deleted %n dynamic filter of %1 -&gt; %2.</numerusform>
            <numerusform>Deleted %n dynamic filters of %1 -&gt; %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The dynamic main mode policy &quot;%1&quot; is used by %n dynamic rule(s); delete them or give them another mmpolicy= first.</source>
        <translation>
            <numerusform>The dynamic main mode policy &quot;%1&quot; is used by %n dynamic rule; delete it or give it another mmpolicy= first.</numerusform>
            <numerusform>The dynamic main mode policy &quot;%1&quot; is used by %n dynamic rules; delete them or give them another mmpolicy= first.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n dynamic main mode policy(s).</source>
        <translation>
            <numerusform>Deleted %n dynamic main mode policy.</numerusform>
            <numerusform>Deleted %n dynamic main mode policies.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The dynamic quick mode policy &quot;%1&quot; is used by %n dynamic rule(s); delete them or give them another qmpolicy= first.</source>
        <translation>
            <numerusform>The dynamic quick mode policy &quot;%1&quot; is used by %n dynamic rule; delete it or give it another qmpolicy= first.</numerusform>
            <numerusform>The dynamic quick mode policy &quot;%1&quot; is used by %n dynamic rules; delete them or give them another qmpolicy= first.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n dynamic quick mode policy(s).</source>
        <translation>
            <numerusform>Deleted %n dynamic quick mode policy.</numerusform>
            <numerusform>Deleted %n dynamic quick mode policies.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ipsec::NetshRunner</name>
    <message numerus="yes">
        <source>Deleted %n filter(s) from %1.</source>
        <translation>
            <numerusform>Deleted %n filter from %1.</numerusform>
            <numerusform>Deleted %n filters from %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n rule(s) of policy %1.</source>
        <translation>
            <numerusform>Deleted %n rule of policy %1.</numerusform>
            <numerusform>Deleted %n rules of policy %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ipsec::PolicyService</name>
    <message numerus="yes">
        <source>Deleted %n dynamic filter(s).</source>
        <translation>
            <numerusform>Deleted %n dynamic filter.</numerusform>
            <numerusform>Deleted %n dynamic filters.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Emergency unassign would remove %n kernel entr(y/ies).</source>
        <translation>
            <numerusform>Emergency unassign would remove %n kernel entry.</numerusform>
            <numerusform>Emergency unassign would remove %n kernel entries.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Emergency unassign: removed %n kernel entr(y/ies).</source>
        <translation>
            <numerusform>Emergency unassign: removed %n kernel entry.</numerusform>
            <numerusform>Emergency unassign: removed %n kernel entries.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Restored %n dynamic filter(s).</source>
        <translation>
            <numerusform>Restored %n dynamic filter.</numerusform>
            <numerusform>Restored %n dynamic filters.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Restored %n kernel entr(y/ies).</source>
        <translation>
            <numerusform>Restored %n kernel entry.</numerusform>
            <numerusform>Restored %n kernel entries.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The %n dynamic filter(s) of the snapshot were not restored: they live only in the kernel, which needs root (or the policy agent).</source>
        <translation>
            <numerusform>The %n dynamic filter of the snapshot was not restored: it lives only in the kernel, which needs root (or the policy agent).</numerusform>
            <numerusform>The %n dynamic filters of the snapshot were not restored: they live only in the kernel, which needs root (or the policy agent).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Importing the snapshot of %1 taken %2 (%3) would make %n change(s):</source>
        <translation>
            <numerusform>Importing the snapshot of %1 taken %2 (%3) would make %n change:</numerusform>
            <numerusform>Importing the snapshot of %1 taken %2 (%3) would make %n changes:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported the snapshot of %1 taken %2 (%3): %n change(s).</source>
        <translation>
            <numerusform>Imported the snapshot of %1 taken %2 (%3): %n change.</numerusform>
            <numerusform>Imported the snapshot of %1 taken %2 (%3): %n changes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Kernel: nftables table inet ipsec_console with %n rule(s) and %1 set element(s).</source>
        <translation>
            <numerusform>Kernel: nftables table inet ipsec_console with %n rule and %1 set element(s).</numerusform>
            <numerusform>Kernel: nftables table inet ipsec_console with %n rules and %1 set element(s).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ipsec::PolicyStore</name>
    <message numerus="yes">
        <source>and %n more rule(s)</source>
        <translation>
            <numerusform>and %n more rule</numerusform>
            <numerusform>and %n more rules</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ipsec::SnapshotDiff</name>
    <message numerus="yes">
        <source>%n difference(s).</source>
        <translation>
            <numerusform>%n difference.</numerusform>
            <numerusform>%n differences.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ipsec::SnapshotMerge</name>
    <message numerus="yes">
        <source>%n name clash(es), nothing was imported: %1 Choose how to settle them (rename, skip or overwrite).</source>
        <translation>
            <numerusform>%n name clash, nothing was imported: %1 Choose how to settle it (rename, skip or overwrite).</numerusform>
            <numerusform>%n name clashes, nothing was imported: %1 Choose how to settle them (rename, skip or overwrite).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ipsec::StaticCommand</name>
    <message numerus="yes">
        <source>%n filter(s), action %1</source>
        <translation>
            <numerusform>%n filter, action %1</numerusform>
            <numerusform>%n filters, action %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ipsec::ds::BlobReader</name>
    <message numerus="yes">
        <source>needs %n byte(s), but the blob ends %1 byte(s) later</source>
        <translation>
            <numerusform>needs %n byte, but the blob ends %1 byte(s) later</numerusform>
            <numerusform>needs %n bytes, but the blob ends %1 byte(s) later</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ipsec::ds::GpipsecCodec</name>
    <message numerus="yes">
        <source>is followed by %n unexpected byte(s)</source>
        <translation>
            <numerusform>is followed by %n unexpected byte</numerusform>
            <numerusform>is followed by %n unexpected bytes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ipsec::ui::BlockPortSummaryPage</name>
    <message numerus="yes">
        <source>%n rule(s) will be added to policy &quot;%1&quot;; each with %2 filter(s).</source>
        <translation>
            <numerusform>%n rule will be added to policy &quot;%1&quot;; each with %2 filter(s).</numerusform>
            <numerusform>%n rules will be added to policy &quot;%1&quot;; each with %2 filter(s).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Warning: &quot;%1&quot; (%n rule(s)) is the policy enforced now. Finish assigns &quot;%2&quot; instead, and the rules of &quot;%1&quot; stop being enforced.</source>
        <translation>
            <numerusform>Warning: &quot;%1&quot; (%n rule) is the policy enforced now. Finish assigns &quot;%2&quot; instead, and the rule of &quot;%1&quot; stops being enforced.</numerusform>
            <numerusform>Warning: &quot;%1&quot; (%n rules) is the policy enforced now. Finish assigns &quot;%2&quot; instead, and the rules of &quot;%1&quot; stop being enforced.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ipsec::ui::CompareSnapshotDialog</name>
    <message numerus="yes">
        <source>%n difference(s) from %1 (snapshot) to the live state.</source>
        <translation>
            <numerusform>%n difference from %1 (snapshot) to the live state.</numerusform>
            <numerusform>%n differences from %1 (snapshot) to the live state.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ipsec::ui::ConfirmChangesDialog</name>
    <message numerus="yes">
        <source>Rolled back in %n second(s).</source>
        <translation>
            <numerusform>Rolled back in %n second.</numerusform>
            <numerusform>Rolled back in %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ipsec::ui::ConfirmController</name>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n second</numerusform>
            <numerusform>%n seconds</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ipsec::ui::DirectoryWindow</name>
    <message numerus="yes">
        <source>%n policies in the directory; assigned in the GPO: %1</source>
        <translation>
            <numerusform>%n policy in the directory; assigned in the GPO: %1</numerusform>
            <numerusform>%n policies in the directory; assigned in the GPO: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n policies in the directory; the GPO assigns none</source>
        <translation>
            <numerusform>%n policy in the directory; the GPO assigns none</numerusform>
            <numerusform>%n policies in the directory; the GPO assigns none</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ipsec::ui::ImportSnapshotDialog</name>
    <message numerus="yes">
        <source>%n change(s).</source>
        <translation>
            <numerusform>%n change.</numerusform>
            <numerusform>%n changes.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ipsec::ui::MainWindow</name>
    <message numerus="yes">
        <source>Enforced; the kernel is in sync (%n entr(y/ies)).</source>
        <translation>
            <numerusform>Enforced; the kernel is in sync (%n entry).</numerusform>
            <numerusform>Enforced; the kernel is in sync (%n entries).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Emergency unassign in effect since %1 — %n entr(y/ies) removed. The host is not protected by its IPsec policy.</source>
        <translation>
            <numerusform>Emergency unassign in effect since %1 — %n entry removed. The host is not protected by its IPsec policy.</numerusform>
            <numerusform>Emergency unassign in effect since %1 — %n entries removed. The host is not protected by its IPsec policy.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ipsec::ui::PolicyDialog</name>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n second</numerusform>
            <numerusform>%n seconds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n session</numerusform>
            <numerusform>%n sessions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>new key after %1 or %2; %3; %n method(s)</source>
        <translation>
            <numerusform>new key after %1 or %2; %3; %n method</numerusform>
            <numerusform>new key after %1 or %2; %3; %n methods</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ipsec::ui::SecurityRuleWizard</name>
    <message numerus="yes">
        <source>&quot;%1&quot; (new, %n filter(s))</source>
        <translation>
            <numerusform>&quot;%1&quot; (new, %n filter)</numerusform>
            <numerusform>&quot;%1&quot; (new, %n filters)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ipsec::vici::Message</name>
    <message numerus="yes">
        <source>%n section(s) not closed</source>
        <translation>
            <numerusform>%n section not closed</numerusform>
            <numerusform>%n sections not closed</numerusform>
        </translation>
    </message>
</context>
</TS>
