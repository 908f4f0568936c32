// The state of a simulation as the JSON of DESIGN 4 (`podscape simulate -o json`): a contract
// that tests and scripts rely on. Keys are sorted, so equal states give byte-identical output.
#pragma once

#include "manifest/loader.h"
#include "sim/simulation.h"

#include <QJsonObject>

namespace podscape {

struct SimulationReport {
    const Simulation &sim;
    const std::vector<Diagnostic> &errors;  // input that could not be loaded, bad action steps
};

QJsonObject simulationToJson(const SimulationReport &report);

// -o text: the event log, then a `kubectl get pods -o wide`-like table.
QString simulationToText(const SimulationReport &report);

// kubectl's AGE column (apimachinery duration.HumanDuration): 45s, 3m20s, 12m, 5h, 3d.
QString humanDuration(double seconds);

}  // namespace podscape
