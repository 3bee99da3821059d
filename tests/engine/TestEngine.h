#pragma once

// One Qt Test class for the engine, its slots spread over three files by theme.

#include <QObject>

class TestEngine : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // TestEngine.cpp: ranking and evaluation
    void ordering_data();
    void ordering();
    void meRanksAsHost();
    void articlePolicy_data();
    void articlePolicy();
    void mirrored();
    void permitInsideBlock();
    void ipv6();
    void equalSpecificityAction();
    void dynamicWinsAttribution();
    void inactiveRulesIgnored();
    // TestCompiler.cpp: kernel entries
    void compileArticle();
    void distinctPriorities();
    void shadowed();
    void ikeExemption();
    void meBecomesFamilyWide();
    void localMeNeedsNoAddress();
    void bandOverflow();
    void portMerge();
    void compileTiming();
    // TestConsistency.cpp: kernel simulator == evaluator
    void consistencyFixed();
    void consistencyRandom();
};
