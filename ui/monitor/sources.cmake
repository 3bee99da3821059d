# ui/monitor: what the kernel enforces now (included by ui/CMakeLists.txt).
target_sources(ipsec_ui PRIVATE monitor/MonitorView.h monitor/MonitorView.cpp)
