# Installs the build into DESTDIR (with the configured PREFIX) and checks the agent's files.
file(REMOVE_RECURSE ${DESTDIR})
execute_process(COMMAND ${CMAKE_COMMAND} -E env DESTDIR=${DESTDIR}
                        ${CMAKE_COMMAND} --install ${BUILD_DIR}
                RESULT_VARIABLE rc OUTPUT_QUIET)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "cmake --install failed: ${rc}")
endif()
set(p ${DESTDIR}${PREFIX})
foreach(f
        ${p}/sbin/ipsec-policyd
        ${p}/bin/ipseccmd
        ${p}/bin/ipsec-console
        ${DESTDIR}${UNITDIR}/ipsec-policyd.service
        ${p}/share/dbus-1/system-services/io.github.ipsecconsole.PolicyAgent1.service
        ${p}/share/dbus-1/system.d/io.github.ipsecconsole.PolicyAgent1.conf
        ${p}/share/polkit-1/actions/io.github.ipsecconsole.policy
        ${DESTDIR}${SYSCONFDIR}/ipsec-console/policyd.conf)
    if(NOT EXISTS ${f})
        message(FATAL_ERROR "not installed: ${f}")
    endif()
endforeach()
file(READ ${DESTDIR}${UNITDIR}/ipsec-policyd.service unit)
if(NOT unit MATCHES "ExecStart=${PREFIX}/sbin/ipsec-policyd\n" OR NOT unit MATCHES "Type=dbus")
    message(FATAL_ERROR "the systemd unit does not start ${PREFIX}/sbin/ipsec-policyd:\n${unit}")
endif()
# Issue 12, item 14: the stored policy is enforced before the network is configured.
if(NOT unit MATCHES "\nBefore=network-pre.target\n" OR NOT unit MATCHES "\nWants=network-pre.target\n"
   OR NOT unit MATCHES "\nAfter=dbus.service\n" OR unit MATCHES "DefaultDependencies=no"
   OR unit MATCHES "\nAfter=[^\n]*network")
    message(FATAL_ERROR "the systemd unit must start before network-pre.target (and after the bus):\n${unit}")
endif()
file(READ ${p}/share/dbus-1/system-services/io.github.ipsecconsole.PolicyAgent1.service act)
if(NOT act MATCHES "SystemdService=ipsec-policyd.service")
    message(FATAL_ERROR "the D-Bus activation file does not name the unit:\n${act}")
endif()
message(STATUS "agent files installed correctly")
