# Installs the build into DESTDIR with prefix /usr and checks the agent's files.
file(REMOVE_RECURSE ${DESTDIR})
execute_process(COMMAND ${CMAKE_COMMAND} -E env DESTDIR=${DESTDIR}
                        ${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix /usr
                RESULT_VARIABLE rc OUTPUT_QUIET)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "cmake --install failed: ${rc}")
endif()
foreach(f
        usr/sbin/ipsec-policyd
        usr/bin/ipseccmd
        usr/bin/ipsec-console
        usr/lib/systemd/system/ipsec-policyd.service
        usr/share/dbus-1/system-services/io.github.ipsecconsole.PolicyAgent1.service
        usr/share/dbus-1/system.d/io.github.ipsecconsole.PolicyAgent1.conf
        usr/share/polkit-1/actions/io.github.ipsecconsole.policy
        etc/ipsec-console/policyd.conf)
    if(NOT EXISTS ${DESTDIR}/${f})
        message(FATAL_ERROR "not installed: /${f}")
    endif()
endforeach()
file(READ ${DESTDIR}/usr/lib/systemd/system/ipsec-policyd.service unit)
if(NOT unit MATCHES "ExecStart=/usr/sbin/ipsec-policyd\n" OR NOT unit MATCHES "Type=dbus")
    message(FATAL_ERROR "the systemd unit does not start /usr/sbin/ipsec-policyd:\n${unit}")
endif()
file(READ ${DESTDIR}/usr/share/dbus-1/system-services/io.github.ipsecconsole.PolicyAgent1.service act)
if(NOT act MATCHES "SystemdService=ipsec-policyd.service")
    message(FATAL_ERROR "the D-Bus activation file does not name the unit:\n${act}")
endif()
message(STATUS "agent files installed correctly")
