netsh ipsec static add filter filterlist="L" srcaddr=10.0.0.0 srcmask=8 dstaddr=me protocol=TCP dstport=0 mirrored=yes
