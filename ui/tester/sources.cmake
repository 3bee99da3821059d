# ui/tester: the packet tester, on the core Evaluator (included by ui/CMakeLists.txt).
target_sources(ipsec_ui PRIVATE tester/PacketTester.h tester/PacketTester.cpp)
target_link_libraries(ipsec_ui PUBLIC ipsec_engine)
