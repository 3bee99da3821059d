@echo off
rem A script with a mistake on line 7: nothing of it may be applied.
netsh ipsec static add policy name="Half done"
netsh ipsec static add filterlist name="Half list"
netsh ipsec static add filter filterlist="Half list" srcaddr=any dstaddr=me protocol=UDP dstport=53
netsh ipsec static add filteraction name="Half block" action=block
netsh ipsec static add filter filterlist="Half list" srcaddr=any dstaddr=me protocol=UDP dstport=70000
netsh ipsec static add rule name=r policy="Half done" filterlist="Half list" filteraction="Half block"
netsh ipsec static set policy name="Half done" assign=y
