<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ClusterCanvas</name>
    <message>
        <source>✓ fits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✗ %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cordon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uncordon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kill container</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClusterDiagram</name>
    <message>
        <source>Scheduling queue (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pods wait here until the scheduler binds them to a node.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClusterSession</name>
    <message>
        <source>cannot read the file</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContainerChip</name>
    <message>
        <source> · ↻%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 container)
image: %3
state: %4%5
ready: %6, restarts: %7
ports: %8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ControlPlaneLane</name>
    <message>
        <source>idle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ErrorPanel</name>
    <message numerus="yes">
        <source>%n problem(s) with the manifests</source>
        <translation>
            <numerusform>%n problem with the manifests</numerusform>
            <numerusform>%n problems with the manifests</numerusform>
        </translation>
    </message>
    <message>
        <source>Hide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EventLog</name>
    <message>
        <source>Events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by reason, object or message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warnings only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TIME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TYPE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>REASON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OBJECT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MESSAGE</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export PNG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The whole cluster at t = %1 s, with its Services and a legend.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1×</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportLegend</name>
    <message>
        <source>init container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sidecar container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>app container</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportScene</name>
    <message>
        <source>Services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No Service in the loaded manifests.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message>
        <source>%1 %2 no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click a pod, a node, a Service or an event to inspect it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in namespace %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>YAML</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Containers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volumes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scheduling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ %1: fits, score %2%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (chosen)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✗ %1: %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoints (%1 ready, %2 not ready)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pods (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s  %2  %3  (%4)
%5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No events.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU requested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory requested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Addresses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pod CIDR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kubelet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(not scheduled)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pod IP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (the node&apos;s: hostNetwork)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host IP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QoS class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none: a bare pod is not replaced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cluster IP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none: endpoints are managed by hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DNS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>init container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sidecar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>app container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2, restarts %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ports %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✗ %1 (not ready)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created by the cluster, not from a file: there is no manifest to show.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No manifest.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Made by a controller from the template of %1 (%2):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Secret values are hidden; only key names and sizes show.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As written in %1.%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At %1 s: %2 of %3 nodes fit; bound to %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At %1 s: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Podscape — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Podscape</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open manifests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kubernetes manifests (*.yaml *.yml *.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a folder of manifests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ManifestDropArea</name>
    <message>
        <source>Drop manifests to open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>YAML or JSON files, or folders of them</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NodeCard</name>
    <message>
        <source>%1 · taints: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · no taints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pods</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Options</name>
    <message>
        <source>Actions file: steps at virtual times.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Append every event to FILE as a JSON line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language of the window: en or ru (the system&apos;s by default).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watch what Kubernetes does with manifests.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manifest files or folders (the demo if none).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlaybackBar</name>
    <message>
        <source>Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open manifest files (Ctrl+O)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open manifests opened before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No longer on disk:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No recent files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the files again and apply them to the running cluster (Ctrl+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the whole cluster as a picture (Ctrl+E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to time 0 (Home)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>◀ Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the previous change (Left arrow)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play or pause the virtual clock (Space)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step ▶</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run until the next change (Right arrow)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1×</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>t = %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>event %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new worker joins the cluster (4 CPU, 8Gi)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the whole cluster (F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Walkthrough</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step through what Kubernetes does, with an explanation at each step</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PodCard</name>
    <message>
        <source>↻%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owned by %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no IP yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (host network)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecentFiles</name>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 and %n more</numerusform>
            <numerusform>%1 and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ServiceCard</name>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ports: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no selector: endpoints managed by hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>selector: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DNS: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoints (%1 ready)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not ready</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServiceModel</name>
    <message>
        <source> (nodePort %1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServicesPanel</name>
    <message>
        <source>Services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click a Service to light up the pods behind it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No Service in the loaded manifests.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VolumeChip</name>
    <message>
        <source>%1 → %2%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (read-only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not mounted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2%3
%4</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WalkthroughPanel</name>
    <message>
        <source>Step %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s · %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>◀ Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>podscape::ClusterSession</name>
    <message>
        <source>%1 removed from disk: its objects stay in the cluster (kubectl apply deletes nothing).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 changed on disk: applied again, but the files have errors (see above); nothing loaded before is lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 added on disk: applied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 changed on disk: applied again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was not evicted: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was evicted. It has no controller, so nothing replaces it: pods are not self-healing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was evicted; %2 creates a replacement, placed on %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was evicted; %2 creates a replacement and the scheduler places it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown node action: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node %1 cordoned: no new pods are scheduled there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node %1 uncordoned: it takes new pods again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draining node %1: cordoned, its pods are evicted (DaemonSet pods stay).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node %1 failed: its kubelet stopped; the node becomes NotReady.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node %1 recovered: its kubelet runs again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node %1 removed from the cluster.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Node %1 added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Container %1 of %2 was killed; its pod&apos;s restartPolicy decides what follows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pod &quot;%1&quot; deleted</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>podscape::DiagramExporter</name>
    <message>
        <source>Podscape</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simulated Kubernetes v1.35 at t = %1 s · nodes: %2 · pods: %3 · Services: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot build the picture: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the picture is too large: %1 × %2 pixels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot export: no cluster, or a scale other than 1, 2 or 4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>podscape::Walkthrough</name>
    <message>
        <source>What happens when you create a Pod?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happens when you delete a Pod?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An eviction: the controller replaces the pod</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A node fails: pods are not self-healing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kubectl sends the Pod to the API server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kubectl finds the API&apos;s endpoints (OpenAPI), agrees on the resource version, checks the YAML and sends the request: POST /api/v1/namespaces/…/pods.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The controller creates a pod from its template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A controller in kube-controller-manager creates the pod from its Pod Template: the same request kubectl would send.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pods are not self-healing: the old pod is gone for good. Its controller sees one replica missing and creates a new pod from its Pod Template.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API server: authentication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API server checks who is asking: a certificate or a token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API server: authorization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RBAC decides whether this client may create pods.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API server: admission controllers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mutating admission controllers fill in defaults (service account, tolerations, limits), the object is validated, and validating admission controllers (quotas, policies) may still refuse it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>etcd: the pod is stored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At this point the pod exists only as a record in etcd: no node has been chosen and no container exists yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scheduler: the queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pod is added to the scheduler&apos;s queue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scheduler: filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scheduler filters out the nodes that cannot run the pod: not enough CPU or memory, taints it does not tolerate, affinity, ports, volumes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scheduler: score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The nodes that remain are scored; the best one wins.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scheduler: no node fits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pod stays Pending. The scheduler says why in a FailedScheduling event and tries again when the cluster changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scheduler: bind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scheduler binds the pod to the node.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>etcd: the binding is stored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The binding (spec.nodeName) is written to etcd. Still no container has been created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kubelet takes over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The kubelet on the node reads the pod&apos;s definition and delegates the work: the network to CNI, the containers to CRI, the storage to CSI.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CRI: the pod sandbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The container runtime (CRI, e.g. containerd) starts the pod&apos;s sandbox: the pause container that holds the pod&apos;s network namespace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CNI: the pod&apos;s IP address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The network plugin (CNI, e.g. Cilium) gives the pod its own IP address. Every container of the pod shares it and they talk to each other over localhost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CNI: host network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hostNetwork: the pod uses the node&apos;s network and the node&apos;s IP.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSI: storage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The volumes are prepared (CSI for persistent volumes) and mounted into the containers that ask for them: a volume shared by two containers is how they exchange data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CRI: the image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The container runtime pulls the image, unless the node already has it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CRI: the containers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The container runtime creates and starts the containers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kubelet: probes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The kubelet runs the pod&apos;s probes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pod is ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The kubelet reports the pod&apos;s status and IP address to the control plane. The IP and the container ports are stored as endpoints.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoints: listed, not ready yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An endpoint is an IP:port pair; the Service&apos;s Endpoints object lists them. The pod is listed, but not ready: no traffic yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The app stops receiving connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The endpoint is taken out of the Service: new connections stop arriving.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endpoints: ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The endpoint (IP:port) is ready. Everyone who watches endpoints is notified.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kube-proxy is notified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kube-proxy updates the Service&apos;s iptables rules on every node.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CoreDNS is notified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CoreDNS updates the Service&apos;s DNS records.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ingress controller is notified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Ingress controller updates its upstreams.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API server marks the pod for deletion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pod gets a deletionTimestamp and a grace period and shows as Terminating. Deletion runs in the reverse order of creation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Eviction API</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The API server checks the pod&apos;s PodDisruptionBudget, marks the pod with a DisruptionTarget condition and deletes it gracefully.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>preStop hook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The kubelet runs the container&apos;s preStop hook.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The app drains its connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The kubelet sends SIGTERM: the app finishes the connections it has and shuts down.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SIGKILL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The grace period is over: what still runs is killed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The app has shut down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The containers have stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kubelet cleans up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The volumes are unmounted and the pod&apos;s IP address is released.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>etcd: the pod is gone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pod&apos;s record is removed from etcd.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The node is NotReady</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its kubelet has not posted a status for 50 s: the node lifecycle controller marks the node NotReady and taints it unreachable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pods leave the failed node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pods tolerate the unreachable taint for 300 s only: then they are deleted. Pods are not self-healing, so nothing restarts them on another node by itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The node fails</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The node&apos;s kubelet stops: it no longer posts the node&apos;s status.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No cluster to tell the story on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The files create no pod directly: open a manifest with a Pod (the demo has myapp-pod).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown story: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No running pod with a controller: open a Deployment (the demo has web).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No running pod to delete.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kubelet on %1 stopped</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
