@echo off
rem Harden a server against the SQL Slammer and Blaster/Sasser worms (KB 813878 style).
rem Blocks UDP 1434 and TCP 135, 139, 445 inbound; the admin host 10.77.0.11 may still use 445.
setlocal
echo Creating the "Worm Hardening" policy...

netsh ipsec static add policy name="Worm Hardening" description="Block worm ports inbound" activatedefaultrule=no
netsh ipsec static add filterlist name="Worm ports" description="Slammer, Blaster, Sasser"
netsh ipsec static add filter filterlist="Worm ports" srcaddr=any dstaddr=me protocol=UDP dstport=1434 mirrored=no description="SQL Slammer"
netsh ipsec static add filter filterlist="Worm ports" srcaddr=any dstaddr=me protocol=TCP dstport=135 mirrored=no
netsh ipsec static add filter filterlist="Worm ports" srcaddr=any dstaddr=me protocol=TCP dstport=139 mirrored=no
netsh ipsec static add filter filterlist="Worm ports" srcaddr=any dstaddr=me protocol=TCP dstport=445 mirrored=no
netsh ipsec static add filterlist name="Admin host SMB"
netsh ipsec static add filter filterlist="Admin host SMB" srcaddr=10.77.0.11 srcmask=255.255.255.255 dstaddr=me protocol=TCP dstport=445 mirrored=yes
netsh ipsec static add filteraction name="Block worms" action=block
netsh ipsec static add filteraction name="Permit admin" action=permit
netsh ipsec static add rule name="Block worm ports" policy="Worm Hardening" filterlist="Worm ports" filteraction="Block worms"
netsh ipsec static add rule name="Admin exception" policy="Worm Hardening" filterlist="Admin host SMB" filteraction="Permit admin"
netsh ipsec static set policy name="Worm Hardening" assign=y

echo Done.
pause
endlocal
