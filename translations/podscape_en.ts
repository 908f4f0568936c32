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
</TS>
