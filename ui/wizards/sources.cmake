# ui/wizards: the Block-a-port wizard and the snap-in's wizards (included by ui/CMakeLists.txt).
target_sources(ipsec_ui PRIVATE
    wizards/WizardSupport.h
    wizards/ChoicePage.h wizards/ChoicePage.cpp
    wizards/NameDescriptionPage.h wizards/NameDescriptionPage.cpp
    wizards/AddressChooserPage.h wizards/AddressChooserPage.cpp
    wizards/PortList.h wizards/PortList.cpp
    wizards/BlockPortPlan.h wizards/BlockPortPlan.cpp
    wizards/BlockPortWizard.h wizards/BlockPortWizard.cpp
    wizards/BlockPortPortsPage.h wizards/BlockPortPortsPage.cpp
    wizards/BlockPortRemotePage.h wizards/BlockPortRemotePage.cpp
    wizards/BlockPortPolicyPage.h wizards/BlockPortPolicyPage.cpp
    wizards/BlockPortSummaryPage.h wizards/BlockPortSummaryPage.cpp
    wizards/IpSecurityPolicyWizard.h wizards/IpSecurityPolicyWizard.cpp
    wizards/TextChoicePage.h wizards/TextChoicePage.cpp
    wizards/IpFilterWizard.h wizards/IpFilterWizard.cpp
    wizards/IpFilterProtocolPage.h wizards/IpFilterProtocolPage.cpp
    wizards/FilterActionWizard.h wizards/FilterActionWizard.cpp
    wizards/FilterActionSecurityPage.h wizards/FilterActionSecurityPage.cpp
    wizards/RuleFilterListPage.h wizards/RuleFilterListPage.cpp
    wizards/RuleFilterActionPage.h wizards/RuleFilterActionPage.cpp
    wizards/SecurityRuleWizard.h wizards/SecurityRuleWizard.cpp)
