<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Cli</name>
    <message>
        <source>%1 needs a value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 needs a non-empty value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown option &quot;%1&quot;. Options: --store PATH, --netns NAME, --json, --dry-run, --help, --version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try &apos;%1 --help&apos; for more information.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IpsecCmdTool</name>
    <message>
        <source>Try &apos;%1 --help&apos; for more information.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: %1 [OPTIONS] -w REG -p POLICY[:POLL] [-r RULE]... [-f SPEC... -n ACTION] [-x|-y|-o]
       %1 [OPTIONS] -f SPEC... [-n ACTION]      (dynamic filters)
       %1 [OPTIONS] -u                          (delete all dynamic filters)
       %1 [OPTIONS] show filters|policies|auth|stats|sas|all

Manage the host&apos;s IPsec filtering policy with the command lines of the Windows
ipsecpol.exe and IPSeccmd.exe tools. Flags may come in any order and any case.

Static mode (the persistent policy store):
  -w REG              work on the local static store
  -p NAME[:MINUTES]   the policy to create or change (and its polling interval)
  -r NAME             the rule to create, change or delete (repeat with -o)
  -x                  assign the policy (unassigns any other)
  -y                  unassign the policy
  -o                  delete the named rules, or the whole policy without -r

Filters and actions:
  -f SPEC...          filter specs SRC[/MASK][:PORT]{=|+}DST[/MASK][:PORT][:PROTO]
                      &apos;=&apos; one direction, &apos;+&apos; mirrored; 0 = this host, * = any host,
                      DNS names, dotted masks or prefix lengths; PROTO is TCP, UDP,
                      ICMP, RAW or a number. Port 0 means any port.
                      [SPEC] blocks and (SPEC) passes in dynamic mode.
  -n BLOCK|PASS|INPASS|METHOD...  what matching traffic gets; METHOD is a security
                      method such as ESP[3DES,SHA] or AH[MD5]+ESP[DES,SHA]3600S
  -t ADDR  -a AUTH...  -soft  -lan|-dialup  -1s -1k -1p -1f -1e -confirm

Options:
  --store PATH        the static store (default: $IPSEC_CONSOLE_STORE, else
                      /var/lib/ipsec-console/policy.db for root,
                      $XDG_DATA_HOME/ipsec-console/policy.db for other users)
  --netns NAME        work in network namespace NAME (default: $IPSEC_CONSOLE_NETNS)
  --json              machine-readable output for show
  --dry-run           show what would change and change nothing
  --help, -?          this help;  --version  the version

Examples (from Microsoft KB 813878):
  %1 -w REG -p &quot;Block UDP 1434 Filter&quot; -r &quot;Block Inbound UDP 1434 Rule&quot; -f *=0:1434:UDP -n BLOCK -x
  %1 -w REG -p &quot;Block UDP 1434 Filter&quot; -r &quot;Block Outbound UDP 1434 Rule&quot; -f 0=*:1434:UDP -n BLOCK
  %1 -w REG -p &quot;Block UDP 1434 Filter&quot; -y
  %1 -w REG -p &quot;Block UDP 1434 Filter&quot; -r &quot;Block Inbound UDP 1434 Rule&quot; -r &quot;Block Outbound UDP 1434 Rule&quot; -o

Exit status: 0 success, 2 usage error, 3 not found, 4 store error, 5 conflict,
6 kernel error, 7 permission denied.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>note: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dynamic mode (-f without -w, and -u) changes the kernel&apos;s IPsec policy directly; it is not available in this build yet. Use static mode: -w REG -p POLICY -r RULE -f SPEC -n BLOCK -x.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Policies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authentication methods</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Security associations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No IKE daemon is integrated yet: there are no main-mode or quick-mode security associations to show.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Policy Assigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last Modified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No policy is assigned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assigned policy: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Src Port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dst Port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mirrored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The assigned policy has no active filters.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NetdiagTool</name>
    <message>
        <source>Usage: netdiag [/test:ipsec] [/debug] [--store PATH] [--netns NAME]

Runs the IP Security test of the Windows Support Tools&apos; netdiag: tells
whether an IPsec policy is assigned and, with /debug, lists its filters
expanded to this host&apos;s addresses (&quot;specific filters&quot;).

  /test:ipsec   run the IP Security test (the only test available)
  /debug        also print the policy path and every filter
  /v            accepted for compatibility (same as without)
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>netdiag: test &quot;%1&quot; is not available; only /test:ipsec is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>netdiag: unknown argument &quot;%1&quot;. Usage: netdiag /test:ipsec [/debug]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IPSec policy service is active, but no policy is assigned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local IPSec Policy Active: &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IP Security Policy Path: %1:ipsecPolicy%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There are %1 filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter Id: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Policy Id: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Src Addr : %1 Src Mask : %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dest Addr : %1 Dest Mask : %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tunnel Addr : %1 Src Port : %2 Dest Port : %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protocol : %1 TunnelFilter: No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flags : %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ipsec::Address</name>
    <message>
        <source>&quot;%1&quot; is not an IPv4 or IPv6 address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prefix length %1 is out of range for %2 (0-%3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1/0 has host bits set; a zero-length prefix matches any address, write 0.0.0.0/0 or *.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1/%2 has host bits set; did you mean %3/%2?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mask %1 does not fit address %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mask %1 is not contiguous (its one bits must come first).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid DNS name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prefix length &quot;%1&quot; is out of range (0-%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a mask: expected a prefix length such as 24 or a dotted mask such as 255.255.255.0.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An address is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an IP address (a mask needs an address).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ipsec::AuthMethod</name>
    <message>
        <source>&quot;%1&quot; is not an authentication method: expected KERBEROS, PRESHARE:&quot;key&quot; or CERT:&quot;CA name&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; needs a value after the colon.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ipsec::Filter</name>
    <message>
        <source>A port is given but protocol %1 has no ports; ports need TCP or UDP.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source and destination are both &quot;me&quot;; one side must be another host.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source %1 and destination %2 mix IPv4 and IPv6.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The description is longer than 1024 characters.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ipsec::FilterAction</name>
    <message>
        <source>Filter action &quot;%1&quot; negotiates security but offers no security method.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter action &quot;%1&quot;: pass-through, fallback and PFS apply only to Negotiate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter action &quot;%1&quot; offers more than 16 security methods.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter action &quot;%1&quot;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a filter action type: expected permit, block or negotiate.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ipsec::FilterList</name>
    <message>
        <source>Filter %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ipsec::Names</name>
    <message>
        <source>filter action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>filter list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 name is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 name &quot;%2&quot; begins or ends with white space.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 name is longer than %2 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 name &quot;%2&quot; contains a control character.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rule</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ipsec::NetNamespace</name>
    <message>
        <source>&quot;%1&quot; is not a network namespace name (letters, digits, &apos;.&apos;, &apos;_&apos;, &apos;-&apos;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network namespace &quot;%1&quot; does not exist (no %2); create it with: ip netns add %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open network namespace %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot enter network namespace &quot;%1&quot;: %2 (root is needed).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ipsec::Policy</name>
    <message>
        <source>The polling interval %1 is out of range (1-43200 minutes).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ipsec::PolicyService</name>
    <message>
        <source>There is no policy named &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No policy is assigned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Policy &quot;%1&quot; is not assigned (&quot;%2&quot; is).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unassigned policy &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ipsec::PolicyStore</name>
    <message>
        <source>No policy store file was given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The policy store %1 is open read-only; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A change of the policy store %1 is already in progress; changes cannot be nested.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the policy store %1: the Qt SQLite driver (QSQLITE) is not available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the policy store %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The policy store %1 refused the change: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The policy store %1 is locked by another program (waited %2 seconds); try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The policy store %1 is damaged: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The policy store %1 cannot be written: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The policy store %1 cannot be written: the disk is full.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The policy store %1 failed: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no policy with id %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no filter list with id %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no filter action with id %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A policy named &quot;%1&quot; already exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A filter list named &quot;%1&quot; already exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A filter action named &quot;%1&quot; already exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Policy &quot;%1&quot; already has a rule named &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rule &quot;%1&quot; of policy &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>and %n more rule(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>There is no rule with id %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter list &quot;%1&quot; is used by %2; change or delete those rules first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no filter with id %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter action &quot;%1&quot; is used by %2; change or delete those rules first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the stored address value 0x%1 is not valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is an SQLite database of another program, not an IPsec policy store; it was not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is an SQLite database of another program (application id 0x%2), not an IPsec policy store; it was not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The policy store %1 was written by a newer version of this program (schema version %2; this version understands up to %3). It was not changed; use the newer version, or restore a backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The policy store %1 is a symbolic link to a missing file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The policy store %1 is not a regular file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the policy store %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The policy store %1 is too short (%2 bytes) to be an SQLite database; it may be truncated. It was not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not an SQLite database (it does not begin with the SQLite header), so it is not a policy store; it may be damaged. It was not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The policy store %1 has a damaged header (page size %2); it was not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The policy store %1 is truncated or damaged: it holds %2 bytes, but its header describes %3 bytes. It was not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The policy store %1 is damaged: it has no schema version. It was not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The policy store %1 is empty; open it for writing once to create the store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The policy store %1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the folder %1 for the policy store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the policy store %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The policy store %1 cannot be read; it was not changed. %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The policy store %1 has the older schema version %2 and must be upgraded to version %3 first; open it for writing once. It was not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The policy store %1 is damaged: it has no schema version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it has no revision number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>filter %1 of filter list &quot;%2&quot;: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot upgrade the policy store %1 to schema version %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The policy store %1 is damaged or incomplete; it was not changed. %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The policy store %1 is damaged: it has no revision number; it was not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The policy store %1 is damaged; it was not changed. %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The policy store %1 is damaged; it was not changed. SQLite reports: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The policy store %1 has rows in table %2 that refer to missing objects; it was not changed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ipsec::Protocol</name>
    <message>
        <source>Protocol number %1 is out of range (0-255).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a protocol: expected TCP, UDP, ICMP, RAW, ANY or a number 0-255.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ipsec::Rule</name>
    <message>
        <source>Rule &quot;%1&quot; needs a filter list and a filter action.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule &quot;%1&quot;: tunnel endpoint &quot;%2&quot; is not a host address or DNS name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule &quot;%1&quot; has no authentication method.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ipsec::SecurityMethod</name>
    <message>
        <source>&quot;%1&quot; is not a security method: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected ESP[Cipher,Hash], AH[Hash] or AH[Hash]+ESP[Cipher,Hash], optionally followed by :KBk/SECONDSs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>neither AH nor ESP is given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;+&apos; joins exactly one AH and one ESP part.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AH takes MD5 or SHA1, not &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ESP takes a cipher (None, DES, 3DES) and a hash (None, MD5, SHA1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A security method needs AH, ESP or both.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ESP[None,None] protects nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A key lifetime of %1 seconds is below the minimum of 300.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A key lifetime of %1 KB is below the minimum of 20480.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ipsec::StaticCommand</name>
    <message>
        <source>Remote computers (%1) are not supported: run the command on that machine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The directory store (-w DS) is not available; use -w REG for the local store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Static mode (-w) needs a policy name: add -p &quot;Policy Name&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>-u deletes dynamic filters and cannot be combined with -w.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>-x (assign) and -y (unassign) contradict each other.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>-o (delete) and -x (assign) contradict each other.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>-o deletes; it cannot be combined with -f.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filters (-f) in static mode belong to a rule: add -r &quot;Rule Name&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filters (-f) go into one rule, but %1 rule names (-r) were given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[ ] and ( ) mark dynamic block and pass filters; in static mode (-w) give the action with -n BLOCK or -n PASS instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule %1 needs filters: add -f SPEC, or -o to delete it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The polling interval %1 is out of range (1-43200 minutes).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no policy named %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unassigned policy %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Policy %1 was not assigned; nothing to unassign.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Policy %1 is assigned. Unassign it first (-y), e.g. ipseccmd -w REG -p %1 -y</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assigned policy %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Policy %1 now checks for changes every %2 minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created policy %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n filter(s), action %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Replaced rule %1 of policy %2: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added rule %1 to policy %2: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Block all traffic that matches the filter list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Permit unsecured IP packets to pass through.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Negotiate %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, inbound pass-through</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, fall back to clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created by ipseccmd -n.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No -n given: the rule negotiates security (%1), as on Windows. Use -n BLOCK or -n PASS to block or permit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created filter action %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Policy %1 has no rule named %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted rule %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted policy %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ipsec::engine::EffectivePolicy</name>
    <message>
        <source>Rule &quot;%1&quot; of policy &quot;%2&quot; is skipped: its filter list or filter action does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter %1 → %2 is left out: an address could not be resolved or its address families do not match.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ipsec::engine::Verdict</name>
    <message>
        <source>no match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>permit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>negotiate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No filter matches; the packet passes in clear.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IKE traffic (UDP 500/4500) is exempt from filtering; the packet passes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 by the dynamic filter %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 by filter %2 of rule &quot;%3&quot; in policy &quot;%4&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ipsec::engine::XfrmCompiler</name>
    <message>
        <source>The policy needs %1 kernel entries but the priority band %2–%3 holds only %4.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ipsec::kernel::NetlinkSpd</name>
    <message>
        <source>Cannot allocate a netlink socket.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the XFRM netlink socket: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>injected failure (testing hook)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot list the XFRM policies: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refusing to install a policy outside the console&apos;s priority band %1-%2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The kernel already has a policy with the same direction and selector: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot add the policy (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refusing to delete a policy the console does not own: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No such policy is installed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the policy (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refusing to delete a foreign policy with the same selector: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot delete the policy (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot install the policy (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The kernel already has a policy with the same direction and selector (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restoring the previous policies failed too: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ipsec::kernel::XfrmStatistics</name>
    <message>
        <source>%1 does not exist: the kernel has no XFRM statistics (CONFIG_XFRM_STATISTICS is off).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected line %1 in the XFRM statistics: &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The XFRM statistics are empty.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ipsec::syntax::IpsecCmdParser</name>
    <message>
        <source>%1 is a placeholder: put a port number such as 1434</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a placeholder: put a protocol such as TCP or UDP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an address: * may only replace whole trailing octets, as in 144.92.*.*</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0 means this computer and takes no mask other than 255.255.255.255, not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>* means any address and takes no mask (&quot;%1&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1/%2&quot;: an address with * takes no mask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid IPv6 address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid IPv4 address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a DNS name and takes no mask (&quot;%2&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an IP address or DNS name (0 = this computer, * = any address)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>destination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the %1 address is missing (0 = this computer, * = any address)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IPv6 addresses must be written in brackets, e.g. [%1]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the %1 address has &apos;[&apos; without &apos;]&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the %1 address in [ ] is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the %1 address has two masks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected &quot;%1&quot; after the %2 address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>port &quot;%1&quot; is not a number (0-65535, 0 = any)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>port %1 is out of range (0-65535)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the protocol after the last &apos;:&apos; is empty; leave out the &apos;:&apos; for any protocol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only one = or + may separate source and destination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;]&apos; without &apos;[&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;[&apos; without &apos;]&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected SRC=DST (one direction) or SRC+DST (mirrored), e.g. *=0:1434:UDP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an address; did you mean &quot;0=*%2&quot;? (0 = this computer, * = any address)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the source takes only a port; the protocol goes at the end of the destination, as in 0:80+*::TCP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>too many &apos;:&apos; fields in &quot;%1&quot;: expected DST[/MASK][:PORT][:PROTOCOL]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid filter &quot;%1&quot;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty filter: expected SRC=DST or SRC+DST, e.g. *=0:1434:UDP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;(&apos; and &apos;)&apos; must wrap the whole filter, as in (0:80+*::TCP)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a filter is wrapped either in [ ] (block) or in ( ) (pass), not both</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing inside the brackets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no arguments given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot;: ProtocolPortNumber is a placeholder: put the protocol and port, as in &quot;Block UDP 1434 Filter&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot;: Existing_IPSec_Policy_Name is a placeholder: put the name of the assigned policy (netdiag /test:ipsec shows it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a computer name: expected \\name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot;: \\computer must be the first argument</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot; after %2 &quot;%3&quot;; quote values that contain spaces, e.g. %2 &quot;%3 %1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot;: flags start with &apos;-&apos;, as in -%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;show&quot; is given twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a show keyword: expected %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>show needs one or more of: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown flag &quot;%1&quot;; valid flags are %2, and show KEYWORDS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 needs a value: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 needs one or more values: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is given twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>-w &quot;%1&quot;: expected REG (local registry store) or DS[:domain] (directory store)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>-w &quot;%1&quot;: only DS takes a domain, and it may not be empty, as in -w DS:example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>-p &quot;%1&quot;: the polling interval %2 is out of range (1-43200 minutes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; a filter spec contains no blanks: did you mean &quot;%1&quot;?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>-t &quot;%1&quot;: expected the tunnel endpoint as one IP address or a DNS name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>-lan and -dialup exclude each other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>-1s &quot;%1&quot;: expected ConfAlg-HashAlg-Group such as 3DES-SHA-2 (DES|3DES, MD5|SHA, group 1|2|3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>-1k &quot;%1&quot;: expected NQ (quick modes), NS (seconds) or NQ/NS, as in 10Q/3600S</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>-1f &quot;%1&quot;: main-mode filters name addresses only, as in 0+*, without ports, protocol or [ ]/( )</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>-1e &quot;%1&quot;: expected the soft-SA expiry in seconds, such as 300</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>show cannot be combined with %1; only \\computer may precede it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>-u deletes all dynamic policy and takes no other flag (found %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 needs static mode: add -w REG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>-confirm works in dynamic mode only; drop it or drop -w</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>filter &quot;%1&quot;: [ ] and ( ) are dynamic-mode shortcuts; with -w write the filter bare and give -n BLOCK or -n PASS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>-x (assign) and -y (unassign) contradict each other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>-x (assign) and -o (delete) contradict each other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>-f FILTERS is required unless -u, -x, -y, -o or show is given, e.g. -f *=0:1434:UDP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>usage: ipseccmd [\\computer] -f FILTER... [-n BLOCK|PASS|INPASS|METHOD...] [-t TUNNEL] [-a AUTH...] [-soft] [-lan|-dialup] [-1s MMMETHOD...] [-1k REKEY] [-1p] [-1f MMFILTER...] [-1e SECONDS] [-confirm]
       static: -w REG|DS[:domain] [-p POLICY[:POLL]] [-r RULE]... [-x] [-y] [-o]
       ipseccmd -u
       ipseccmd [\\computer] show filters|policies|auth|stats|sas|all...
FILTER is SRC[/MASK][:PORT]{=|+}DST[/MASK][:PORT][:PROTOCOL], e.g. *=0:1434:UDP; 0 = this computer, * = any; [FILTER] blocks, (FILTER) passes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected ESP[ConfAlg,AuthAlg], AH[HashAlg] or AH[HashAlg]+ESP[ConfAlg,AuthAlg], optionally followed by lifetimes such as 3600S/50000K and PFS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid security method &quot;%1&quot;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AH is given twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AH takes one hash, MD5 or SHA, as in AH[SHA]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ESP is given twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ESP takes a cipher and a hash, as in ESP[3DES,SHA]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ESP takes one cipher (DES, 3DES or NONE) and one hash (MD5, SHA or NONE), as in ESP[3DES,SHA]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lifetime %1 needs a unit: S (seconds) or K (kilobytes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lifetime %1 is too large</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lifetimes are N S (seconds) and/or N K (kilobytes), each once, as in 3600S/50000K</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected &quot;%1&quot;; %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>-n needs BLOCK, PASS, INPASS or one or more security methods such as ESP[3DES,SHA]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>-n %1 stands alone; it cannot be combined with &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>-n INPASS is given twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the line ends with a backslash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a single quote (&apos;) is not closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a double quote (&quot;) is not closed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ipsec::ui::MainWindow</name>
    <message>
        <source>IP Security Policies on Local Computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Policy Assigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last Modified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assigned policy: %1 (stored; kernel enforcement is not available in this build)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No policy is assigned.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>IPsec Policy Console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manage the host&apos;s IPsec filtering policy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the static policy store at PATH.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PATH</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work in network namespace NAME.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NAME</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
