@echo off
:: Quarantine: only SSH in, DNS and HTTP out; everything else is blocked.
netsh -c ipsec static add policy name=Quarantine
netsh ipsec static add filterlist name="All traffic"
netsh ipsec static add filter filterlist="All traffic" srcaddr=me dstaddr=any
netsh ipsec static add filterlist name="Allowed services"
netsh ipsec static add filter filterlist="Allowed services" srcaddr=any dstaddr=me protocol=TCP srcport=0 dstport=22
netsh ipsec static add filter filterlist="Allowed services" srcaddr=me dstaddr=any protocol=UDP dstport=53
netsh ipsec static add filter filterlist="Allowed services" srcaddr=me dstaddr=any protocol=TCP dstport=80
netsh ipsec static add filteraction name="Quarantine block" action=block
netsh ipsec static add filteraction name="Quarantine permit" action=permit
netsh ipsec static add rule name="Block all" policy=Quarantine filterlist="All traffic" filteraction="Quarantine block"
netsh ipsec static add rule name="Allow services" policy=Quarantine filterlist="Allowed services" filteraction="Quarantine permit"
netsh ipsec static set policy name=Quarantine assign=y
