<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>ClusterCanvas</name>
    <message>
        <source>✓ fits</source>
        <translation>✓ подходит</translation>
    </message>
    <message>
        <source>✗ %1</source>
        <translation>✗ %1</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>Cordon</source>
        <translation>Закрыть (cordon)</translation>
    </message>
    <message>
        <source>Uncordon</source>
        <translation>Открыть (uncordon)</translation>
    </message>
    <message>
        <source>Drain</source>
        <translation>Освободить (drain)</translation>
    </message>
    <message>
        <source>Fail</source>
        <translation>Сломать ноду</translation>
    </message>
    <message>
        <source>Recover</source>
        <translation>Восстановить ноду</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Удалить ноду</translation>
    </message>
    <message>
        <source>Add node</source>
        <translation>Добавить ноду</translation>
    </message>
    <message>
        <source>Evict</source>
        <translation>Вытеснить</translation>
    </message>
    <message>
        <source>Kill container</source>
        <translation>Убить контейнер</translation>
    </message>
</context>
<context>
    <name>ClusterDiagram</name>
    <message>
        <source>Scheduling queue (%1)</source>
        <translation>Очередь планировщика (%1)</translation>
    </message>
    <message>
        <source>Pods wait here until the scheduler binds them to a node.</source>
        <translation>Поды ждут здесь, пока планировщик не привяжет их к ноде.</translation>
    </message>
</context>
<context>
    <name>ClusterSession</name>
    <message>
        <source>cannot read the file</source>
        <translation>не удаётся прочитать файл</translation>
    </message>
</context>
<context>
    <name>ContainerChip</name>
    <message>
        <source> · ↻%1</source>
        <translation> · ↻%1</translation>
    </message>
    <message>
        <source>%1 (%2 container)
image: %3
state: %4%5
ready: %6, restarts: %7
ports: %8</source>
        <translation>%1 (контейнер %2)
образ: %3
состояние: %4%5
готов: %6, перезапусков: %7
порты: %8</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <source>no</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>none</source>
        <translation>нет</translation>
    </message>
</context>
<context>
    <name>ControlPlaneLane</name>
    <message>
        <source>idle</source>
        <translation>простаивает</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
</context>
<context>
    <name>ErrorPanel</name>
    <message numerus="yes">
        <source>%n problem(s) with the manifests</source>
        <translation>
            <numerusform>%n ошибка в манифестах</numerusform>
            <numerusform>%n ошибки в манифестах</numerusform>
            <numerusform>%n ошибок в манифестах</numerusform>
        </translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Скрыть</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Показать</translation>
    </message>
</context>
<context>
    <name>EventLog</name>
    <message>
        <source>Events</source>
        <translation>События</translation>
    </message>
    <message>
        <source>Filter by reason, object or message</source>
        <translation>Причина, объект или сообщение</translation>
    </message>
    <message>
        <source>Warnings only</source>
        <translation>Только предупреждения</translation>
    </message>
    <message>
        <source>%1 events</source>
        <translation>Событий: %1</translation>
    </message>
    <message>
        <source>%1 of %2 events</source>
        <translation>Событий: %1 из %2</translation>
    </message>
    <message>
        <source>TIME</source>
        <translation>ВРЕМЯ</translation>
    </message>
    <message>
        <source>TYPE</source>
        <translation>ТИП</translation>
    </message>
    <message>
        <source>REASON</source>
        <translation>ПРИЧИНА</translation>
    </message>
    <message>
        <source>OBJECT</source>
        <translation>ОБЪЕКТ</translation>
    </message>
    <message>
        <source>MESSAGE</source>
        <translation>СООБЩЕНИЕ</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export PNG</source>
        <translation>Экспорт в PNG</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>Изображения PNG (*.png)</translation>
    </message>
    <message>
        <source>The whole cluster at t = %1 s, with its Services and a legend.</source>
        <translation>Весь кластер на t = %1 с, с его Service и легендой.</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>Масштаб</translation>
    </message>
    <message>
        <source>%1×</source>
        <translation>%1×</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Тема</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Светлая</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Тёмная</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Экспорт…</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>Сохранить как…</translation>
    </message>
</context>
<context>
    <name>ExportLegend</name>
    <message>
        <source>init container</source>
        <translation>init-контейнер</translation>
    </message>
    <message>
        <source>sidecar container</source>
        <translation>sidecar-контейнер</translation>
    </message>
    <message>
        <source>app container</source>
        <translation>контейнер приложения</translation>
    </message>
</context>
<context>
    <name>ExportScene</name>
    <message>
        <source>Services</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>No Service in the loaded manifests.</source>
        <translation>В загруженных манифестах нет Service.</translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message>
        <source>%1 %2 no longer exists.</source>
        <translation>%1 %2 больше не существует.</translation>
    </message>
    <message>
        <source>Click a pod, a node, a Service or an event to inspect it.</source>
        <translation>Щёлкните под, ноду, Service или событие, чтобы рассмотреть их.</translation>
    </message>
    <message>
        <source>%1 in namespace %2</source>
        <translation>%1 в пространстве имён %2</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Обзор</translation>
    </message>
    <message>
        <source>Events (%1)</source>
        <translation>События (%1)</translation>
    </message>
    <message>
        <source>YAML</source>
        <translation>YAML</translation>
    </message>
    <message>
        <source>Containers</source>
        <translation>Контейнеры</translation>
    </message>
    <message>
        <source>Volumes</source>
        <translation>Тома</translation>
    </message>
    <message>
        <source>%1 (%2%3)</source>
        <translation>%1 (%2%3)</translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation>Условия</translation>
    </message>
    <message>
        <source>%1: %2%3</source>
        <translation>%1: %2%3</translation>
    </message>
    <message>
        <source>Scheduling</source>
        <translation>Планирование</translation>
    </message>
    <message>
        <source>✓ %1: fits, score %2%3</source>
        <translation>✓ %1: подходит, оценка %2%3</translation>
    </message>
    <message>
        <source> (chosen)</source>
        <translation> (выбрана)</translation>
    </message>
    <message>
        <source>✗ %1: %2: %3</source>
        <translation>✗ %1: %2: %3</translation>
    </message>
    <message>
        <source>Endpoints (%1 ready, %2 not ready)</source>
        <translation>Эндпоинты (готовы: %1, не готовы: %2)</translation>
    </message>
    <message>
        <source>Pods (%1)</source>
        <translation>Поды (%1)</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Метки</translation>
    </message>
    <message>
        <source>Trace</source>
        <translation>Трасса</translation>
    </message>
    <message>
        <source>%1 s  %2  %3  (%4)
%5</source>
        <translation>%1 с  %2  %3  (%4)
%5</translation>
    </message>
    <message>
        <source>No events.</source>
        <translation>Событий нет.</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 с</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Роли</translation>
    </message>
    <message>
        <source>CPU requested</source>
        <translation>Запрошено CPU</translation>
    </message>
    <message>
        <source>Memory requested</source>
        <translation>Запрошено памяти</translation>
    </message>
    <message>
        <source>Addresses</source>
        <translation>Адреса</translation>
    </message>
    <message>
        <source>Pod CIDR</source>
        <translation>CIDR подов</translation>
    </message>
    <message>
        <source>Kubelet</source>
        <translation>Kubelet</translation>
    </message>
    <message>
        <source>Taints</source>
        <translation>Taints</translation>
    </message>
    <message>
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Готовность</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>Фаза</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Нода</translation>
    </message>
    <message>
        <source>(not scheduled)</source>
        <translation>(не размещён)</translation>
    </message>
    <message>
        <source>Pod IP</source>
        <translation>IP пода</translation>
    </message>
    <message>
        <source>%1 (the node&apos;s: hostNetwork)</source>
        <translation>%1 (IP ноды: hostNetwork)</translation>
    </message>
    <message>
        <source>Host IP</source>
        <translation>IP хоста</translation>
    </message>
    <message>
        <source>QoS class</source>
        <translation>Класс QoS</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Владелец</translation>
    </message>
    <message>
        <source>none: a bare pod is not replaced</source>
        <translation>нет: одиночный под никто не заменит</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Cluster IP</source>
        <translation>Cluster IP</translation>
    </message>
    <message>
        <source>Ports</source>
        <translation>Порты</translation>
    </message>
    <message>
        <source>Selector</source>
        <translation>Селектор</translation>
    </message>
    <message>
        <source>none: endpoints are managed by hand</source>
        <translation>нет: эндпоинты задаются вручную</translation>
    </message>
    <message>
        <source>DNS</source>
        <translation>DNS</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Создан</translation>
    </message>
    <message>
        <source>init container</source>
        <translation>init-контейнер</translation>
    </message>
    <message>
        <source>sidecar</source>
        <translation>sidecar</translation>
    </message>
    <message>
        <source>app container</source>
        <translation>контейнер приложения</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1, %2, restarts %3</source>
        <translation>%1, %2, перезапусков: %3</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>готов</translation>
    </message>
    <message>
        <source>not ready</source>
        <translation>не готов</translation>
    </message>
    <message>
        <source>ports %1</source>
        <translation>порты %1</translation>
    </message>
    <message>
        <source>✓ %1</source>
        <translation>✓ %1</translation>
    </message>
    <message>
        <source>✗ %1 (not ready)</source>
        <translation>✗ %1 (не готов)</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>пока нет</translation>
    </message>
    <message>
        <source>Created by the cluster, not from a file: there is no manifest to show.</source>
        <translation>Создан кластером, а не из файла: манифеста нет.</translation>
    </message>
    <message>
        <source>No manifest.</source>
        <translation>Манифеста нет.</translation>
    </message>
    <message>
        <source>Made by a controller from the template of %1 (%2):</source>
        <translation>Создан контроллером по шаблону %1 (%2):</translation>
    </message>
    <message>
        <source> Secret values are hidden; only key names and sizes show.</source>
        <translation> Значения Secret скрыты; видны только имена ключей и размеры.</translation>
    </message>
    <message>
        <source>As written in %1.%2</source>
        <translation>Как записано в %1.%2</translation>
    </message>
    <message>
        <source>At %1 s: %2 of %3 nodes fit; bound to %4.</source>
        <translation>На %1 с: подходят нод: %2 из %3; привязан к %4.</translation>
    </message>
    <message>
        <source>At %1 s: %2</source>
        <translation>На %1 с: %2</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Podscape — %1</source>
        <translation>Podscape — %1</translation>
    </message>
    <message>
        <source>Podscape</source>
        <translation>Podscape</translation>
    </message>
    <message>
        <source>Open manifests</source>
        <translation>Открыть манифесты</translation>
    </message>
    <message>
        <source>Kubernetes manifests (*.yaml *.yml *.json)</source>
        <translation>Манифесты Kubernetes (*.yaml *.yml *.json)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Все файлы (*)</translation>
    </message>
    <message>
        <source>Open a folder of manifests</source>
        <translation>Открыть папку с манифестами</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Закрыть</translation>
    </message>
</context>
<context>
    <name>ManifestDropArea</name>
    <message>
        <source>Drop manifests to open</source>
        <translation>Отпустите, чтобы открыть манифесты</translation>
    </message>
    <message>
        <source>YAML or JSON files, or folders of them</source>
        <translation>Файлы YAML или JSON либо папки с ними</translation>
    </message>
</context>
<context>
    <name>NodeCard</name>
    <message>
        <source>%1 · taints: %2</source>
        <translation>%1 · taints: %2</translation>
    </message>
    <message>
        <source>%1 · no taints</source>
        <translation>%1 · без taints</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Память</translation>
    </message>
    <message>
        <source>Pods</source>
        <translation>Поды</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
</context>
<context>
    <name>Options</name>
    <message>
        <source>Actions file: steps at virtual times.</source>
        <translation>Файл действий: шаги в моменты виртуального времени.</translation>
    </message>
    <message>
        <source>Append every event to FILE as a JSON line.</source>
        <translation>Дописывать каждое событие в FILE строкой JSON.</translation>
    </message>
    <message>
        <source>Language of the window: en or ru (the system&apos;s by default).</source>
        <translation>Язык окна: en или ru (по умолчанию язык системы).</translation>
    </message>
    <message>
        <source>Watch what Kubernetes does with manifests.</source>
        <translation>Посмотрите, что Kubernetes делает с манифестами.</translation>
    </message>
    <message>
        <source>Manifest files or folders (the demo if none).</source>
        <translation>Файлы или папки с манифестами (без них — демо).</translation>
    </message>
</context>
<context>
    <name>PlaybackBar</name>
    <message>
        <source>Open…</source>
        <translation>Открыть…</translation>
    </message>
    <message>
        <source>Open manifest files (Ctrl+O)</source>
        <translation>Открыть файлы манифестов (Ctrl+O)</translation>
    </message>
    <message>
        <source>Open folder…</source>
        <translation>Открыть папку…</translation>
    </message>
    <message>
        <source>Open recent</source>
        <translation>Недавние</translation>
    </message>
    <message>
        <source>Open manifests opened before</source>
        <translation>Открыть манифесты, открытые раньше</translation>
    </message>
    <message>
        <source>No longer on disk:
%1</source>
        <translation>Больше нет на диске:
%1</translation>
    </message>
    <message>
        <source>No recent files</source>
        <translation>Недавних файлов нет</translation>
    </message>
    <message>
        <source>Clear recent</source>
        <translation>Очистить список</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <source>Read the files again and apply them to the running cluster (Ctrl+R)</source>
        <translation>Перечитать файлы и применить их к работающему кластеру (Ctrl+R)</translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation>Экспорт PNG…</translation>
    </message>
    <message>
        <source>Save the whole cluster as a picture (Ctrl+E)</source>
        <translation>Сохранить весь кластер картинкой (Ctrl+E)</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Сброс</translation>
    </message>
    <message>
        <source>Back to time 0 (Home)</source>
        <translation>Вернуться к времени 0 (Home)</translation>
    </message>
    <message>
        <source>◀ Step</source>
        <translation>◀ Шаг</translation>
    </message>
    <message>
        <source>Back to the previous change (Left arrow)</source>
        <translation>К предыдущему изменению (стрелка влево)</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Пауза</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Пуск</translation>
    </message>
    <message>
        <source>Play or pause the virtual clock (Space)</source>
        <translation>Запустить или остановить виртуальные часы (пробел)</translation>
    </message>
    <message>
        <source>Step ▶</source>
        <translation>Шаг ▶</translation>
    </message>
    <message>
        <source>Run until the next change (Right arrow)</source>
        <translation>До следующего изменения (стрелка вправо)</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Скорость</translation>
    </message>
    <message>
        <source>%1×</source>
        <translation>%1×</translation>
    </message>
    <message>
        <source>t = %1 s</source>
        <translation>t = %1 с</translation>
    </message>
    <message>
        <source>event %1</source>
        <translation>событие %1</translation>
    </message>
    <message>
        <source>Add node</source>
        <translation>Добавить ноду</translation>
    </message>
    <message>
        <source>A new worker joins the cluster (4 CPU, 8Gi)</source>
        <translation>В кластер входит новая рабочая нода (4 CPU, 8Gi)</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Вместить</translation>
    </message>
    <message>
        <source>Show the whole cluster (F)</source>
        <translation>Показать весь кластер (F)</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Светлая</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Тёмная</translation>
    </message>
    <message>
        <source>Walkthrough</source>
        <translation>Пошагово</translation>
    </message>
    <message>
        <source>Step through what Kubernetes does, with an explanation at each step</source>
        <translation>Шаг за шагом: что делает Kubernetes, с объяснением каждого шага</translation>
    </message>
</context>
<context>
    <name>PodCard</name>
    <message>
        <source>↻%1</source>
        <translation>↻%1</translation>
    </message>
    <message>
        <source>Owned by %1 %2</source>
        <translation>Владелец: %1 %2</translation>
    </message>
    <message>
        <source>no IP yet</source>
        <translation>IP пока нет</translation>
    </message>
    <message>
        <source>%1 (host network)</source>
        <translation>%1 (сеть хоста)</translation>
    </message>
</context>
<context>
    <name>RecentFiles</name>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 и ещё %n</numerusform>
            <numerusform>%1 и ещё %n</numerusform>
            <numerusform>%1 и ещё %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ServiceCard</name>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>ports: %1</source>
        <translation>порты: %1</translation>
    </message>
    <message>
        <source>no selector: endpoints managed by hand</source>
        <translation>без селектора: эндпоинты задаются вручную</translation>
    </message>
    <message>
        <source>selector: %1</source>
        <translation>селектор: %1</translation>
    </message>
    <message>
        <source>DNS: %1</source>
        <translation>DNS: %1</translation>
    </message>
    <message>
        <source>Endpoints (%1 ready)</source>
        <translation>Эндпоинты (готовы: %1)</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>пока нет</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>готов</translation>
    </message>
    <message>
        <source>not ready</source>
        <translation>не готов</translation>
    </message>
</context>
<context>
    <name>ServiceModel</name>
    <message>
        <source> (nodePort %1)</source>
        <translation> (nodePort %1)</translation>
    </message>
</context>
<context>
    <name>ServicesPanel</name>
    <message>
        <source>Services</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Click a Service to light up the pods behind it.</source>
        <translation>Щёлкните Service, чтобы подсветить поды за ним.</translation>
    </message>
    <message>
        <source>No Service in the loaded manifests.</source>
        <translation>В загруженных манифестах нет Service.</translation>
    </message>
</context>
<context>
    <name>VolumeChip</name>
    <message>
        <source>%1 → %2%3</source>
        <translation>%1 → %2%3</translation>
    </message>
    <message>
        <source> (read-only)</source>
        <translation> (только чтение)</translation>
    </message>
    <message>
        <source>not mounted</source>
        <translation>не смонтирован</translation>
    </message>
    <message>
        <source>%1: %2%3
%4</source>
        <translation>%1: %2%3
%4</translation>
    </message>
</context>
<context>
    <name>WalkthroughPanel</name>
    <message>
        <source>Step %1 of %2</source>
        <translation>Шаг %1 из %2</translation>
    </message>
    <message>
        <source>%1 s · %2: %3</source>
        <translation>%1 с · %2: %3</translation>
    </message>
    <message>
        <source>◀ Back</source>
        <translation>◀ Назад</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>Далее ▶</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Готово</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
</context>
<context>
    <name>podscape::ClusterSession</name>
    <message>
        <source>%1 removed from disk: its objects stay in the cluster (kubectl apply deletes nothing).</source>
        <translation>%1 удалён с диска: его объекты остаются в кластере (kubectl apply ничего не удаляет).</translation>
    </message>
    <message>
        <source>%1 changed on disk: applied again, but the files have errors (see above); nothing loaded before is lost.</source>
        <translation>%1 изменён на диске: применён снова, но в файлах есть ошибки (см. выше); ничего из загруженного раньше не потеряно.</translation>
    </message>
    <message>
        <source>%1 added on disk: applied.</source>
        <translation>%1 появился на диске: применён.</translation>
    </message>
    <message>
        <source>%1 changed on disk: applied again.</source>
        <translation>%1 изменён на диске: применён снова.</translation>
    </message>
    <message>
        <source>%1 was not evicted: %2</source>
        <translation>%1 не вытеснен: %2</translation>
    </message>
    <message>
        <source>%1 was evicted. It has no controller, so nothing replaces it: pods are not self-healing.</source>
        <translation>%1 вытеснен. У него нет контроллера, поэтому его никто не заменит: поды не самовосстанавливаются.</translation>
    </message>
    <message>
        <source>%1 was evicted; %2 creates a replacement, placed on %3.</source>
        <translation>%1 вытеснен; %2 создаёт замену на ноде %3.</translation>
    </message>
    <message>
        <source>%1 was evicted; %2 creates a replacement and the scheduler places it.</source>
        <translation>%1 вытеснен; %2 создаёт замену, и планировщик её размещает.</translation>
    </message>
    <message>
        <source>Unknown node action: %1</source>
        <translation>Неизвестное действие с нодой: %1</translation>
    </message>
    <message>
        <source>Node %1 cordoned: no new pods are scheduled there.</source>
        <translation>Нода %1 закрыта (cordon): новые поды на неё не планируются.</translation>
    </message>
    <message>
        <source>Node %1 uncordoned: it takes new pods again.</source>
        <translation>Нода %1 открыта (uncordon): снова принимает новые поды.</translation>
    </message>
    <message>
        <source>Draining node %1: cordoned, its pods are evicted (DaemonSet pods stay).</source>
        <translation>Нода %1 освобождается (drain): закрыта, её поды вытесняются (поды DaemonSet остаются).</translation>
    </message>
    <message>
        <source>Node %1 failed: its kubelet stopped; the node becomes NotReady.</source>
        <translation>Нода %1 сломана: её kubelet остановлен; нода станет NotReady.</translation>
    </message>
    <message>
        <source>Node %1 recovered: its kubelet runs again.</source>
        <translation>Нода %1 восстановлена: её kubelet снова работает.</translation>
    </message>
    <message>
        <source>Node %1 removed from the cluster.</source>
        <translation>Нода %1 удалена из кластера.</translation>
    </message>
    <message>
        <source>Node %1 added.</source>
        <translation>Нода %1 добавлена.</translation>
    </message>
    <message>
        <source>Container %1 of %2 was killed; its pod&apos;s restartPolicy decides what follows.</source>
        <translation>Контейнер %1 пода %2 убит; дальнейшее решает restartPolicy пода.</translation>
    </message>
    <message>
        <source>pod &quot;%1&quot; deleted</source>
        <translation>pod &quot;%1&quot; deleted</translation>
    </message>
</context>
<context>
    <name>podscape::DiagramExporter</name>
    <message>
        <source>Podscape</source>
        <translation>Podscape</translation>
    </message>
    <message>
        <source>Simulated Kubernetes v1.35 at t = %1 s · nodes: %2 · pods: %3 · Services: %4</source>
        <translation>Симуляция Kubernetes v1.35 на t = %1 с · нод: %2 · подов: %3 · Service: %4</translation>
    </message>
    <message>
        <source>cannot build the picture: %1</source>
        <translation>не удаётся построить картинку: %1</translation>
    </message>
    <message>
        <source>the picture is too large: %1 × %2 pixels</source>
        <translation>картинка слишком большая: %1 × %2 пикселей</translation>
    </message>
    <message>
        <source>cannot export: no cluster, or a scale other than 1, 2 or 4</source>
        <translation>экспорт невозможен: нет кластера или масштаб не 1, 2 и не 4</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>не удаётся записать %1: %2</translation>
    </message>
</context>
<context>
    <name>podscape::Walkthrough</name>
    <message>
        <source>What happens when you create a Pod?</source>
        <translation>Что происходит, когда вы создаёте под?</translation>
    </message>
    <message>
        <source>What happens when you delete a Pod?</source>
        <translation>Что происходит, когда вы удаляете под?</translation>
    </message>
    <message>
        <source>An eviction: the controller replaces the pod</source>
        <translation>Вытеснение: контроллер заменяет под</translation>
    </message>
    <message>
        <source>A node fails: pods are not self-healing</source>
        <translation>Нода выходит из строя: поды не самолечащиеся</translation>
    </message>
    <message>
        <source>kubectl sends the Pod to the API server</source>
        <translation>kubectl отправляет под на сервер API</translation>
    </message>
    <message>
        <source>kubectl finds the API&apos;s endpoints (OpenAPI), agrees on the resource version, checks the YAML and sends the request: POST /api/v1/namespaces/…/pods.</source>
        <translation>kubectl обнаруживает эндпоинты API (OpenAPI), согласовывает версию ресурса, проверяет YAML и выдаёт запрос: POST /api/v1/namespaces/…/pods.</translation>
    </message>
    <message>
        <source>The controller creates a pod from its template</source>
        <translation>Контроллер создаёт под по шаблону</translation>
    </message>
    <message>
        <source>A controller in kube-controller-manager creates the pod from its Pod Template: the same request kubectl would send.</source>
        <translation>Контроллер в kube-controller-manager создаёт под по своему шаблону пода (Pod Template): тот же запрос, что отправил бы kubectl.</translation>
    </message>
    <message>
        <source>Pods are not self-healing: the old pod is gone for good. Its controller sees one replica missing and creates a new pod from its Pod Template.</source>
        <translation>Поды не являются самолечащимися: старый под удалён навсегда. Контроллер видит, что одной реплики не хватает, и создаёт новый под по шаблону пода.</translation>
    </message>
    <message>
        <source>API server: authentication</source>
        <translation>Сервер API: аутентификация</translation>
    </message>
    <message>
        <source>The API server checks who is asking: a certificate or a token.</source>
        <translation>Сервер API проверяет, кто отправил запрос: сертификат или токен.</translation>
    </message>
    <message>
        <source>API server: authorization</source>
        <translation>Сервер API: авторизация</translation>
    </message>
    <message>
        <source>RBAC decides whether this client may create pods.</source>
        <translation>RBAC решает, может ли этот клиент создавать поды.</translation>
    </message>
    <message>
        <source>API server: admission controllers</source>
        <translation>Сервер API: контроллеры допуска</translation>
    </message>
    <message>
        <source>Mutating admission controllers fill in defaults (service account, tolerations, limits), the object is validated, and validating admission controllers (quotas, policies) may still refuse it.</source>
        <translation>Изменяющие контроллеры допуска (admission controllers) заполняют значения по умолчанию (service account, tolerations, лимиты), объект проверяется, и проверяющие контроллеры допуска (квоты, политики) ещё могут его отклонить.</translation>
    </message>
    <message>
        <source>etcd: the pod is stored</source>
        <translation>etcd: под сохранён</translation>
    </message>
    <message>
        <source>At this point the pod exists only as a record in etcd: no node has been chosen and no container exists yet.</source>
        <translation>На данный момент под существует только в etcd в виде записи: нода не выбрана, ни одного контейнера ещё нет.</translation>
    </message>
    <message>
        <source>Scheduler: the queue</source>
        <translation>Планировщик: очередь</translation>
    </message>
    <message>
        <source>The pod is added to the scheduler&apos;s queue.</source>
        <translation>Под добавляется в очередь планировщика.</translation>
    </message>
    <message>
        <source>Scheduler: filter</source>
        <translation>Планировщик: фильтрация</translation>
    </message>
    <message>
        <source>The scheduler filters out the nodes that cannot run the pod: not enough CPU or memory, taints it does not tolerate, affinity, ports, volumes.</source>
        <translation>Планировщик отсеивает ноды, на которых под не может работать: не хватает CPU или памяти, есть taints без tolerations, не подходят affinity, порты, тома.</translation>
    </message>
    <message>
        <source>Scheduler: score</source>
        <translation>Планировщик: оценка</translation>
    </message>
    <message>
        <source>The nodes that remain are scored; the best one wins.</source>
        <translation>Оставшиеся ноды оцениваются; выбирается лучшая.</translation>
    </message>
    <message>
        <source>Scheduler: no node fits</source>
        <translation>Планировщик: ни одна нода не подходит</translation>
    </message>
    <message>
        <source>The pod stays Pending. The scheduler says why in a FailedScheduling event and tries again when the cluster changes.</source>
        <translation>Под остаётся в Pending. Планировщик объясняет причину в событии FailedScheduling и пробует снова, когда кластер меняется.</translation>
    </message>
    <message>
        <source>Scheduler: bind</source>
        <translation>Планировщик: привязка</translation>
    </message>
    <message>
        <source>The scheduler binds the pod to the node.</source>
        <translation>Планировщик привязывает под к ноде.</translation>
    </message>
    <message>
        <source>etcd: the binding is stored</source>
        <translation>etcd: привязка записана</translation>
    </message>
    <message>
        <source>The binding (spec.nodeName) is written to etcd. Still no container has been created.</source>
        <translation>Привязка (spec.nodeName) записывается в etcd. Ни одного контейнера всё ещё не создано.</translation>
    </message>
    <message>
        <source>kubelet takes over</source>
        <translation>За дело берётся kubelet</translation>
    </message>
    <message>
        <source>The kubelet on the node reads the pod&apos;s definition and delegates the work: the network to CNI, the containers to CRI, the storage to CSI.</source>
        <translation>kubelet на ноде извлекает определение пода и делегирует работу: сеть — CNI, контейнеры — CRI, хранилище — CSI.</translation>
    </message>
    <message>
        <source>CRI: the pod sandbox</source>
        <translation>CRI: песочница пода</translation>
    </message>
    <message>
        <source>The container runtime (CRI, e.g. containerd) starts the pod&apos;s sandbox: the pause container that holds the pod&apos;s network namespace.</source>
        <translation>Среда выполнения контейнеров (CRI, например containerd) запускает песочницу пода: контейнер pause, который держит сетевое пространство имён пода.</translation>
    </message>
    <message>
        <source>CNI: the pod&apos;s IP address</source>
        <translation>CNI: IP-адрес пода</translation>
    </message>
    <message>
        <source>The network plugin (CNI, e.g. Cilium) gives the pod its own IP address. Every container of the pod shares it and they talk to each other over localhost.</source>
        <translation>Сетевой плагин (CNI, например Cilium) выдаёт поду отдельный IP-адрес. Все контейнеры пода используют его совместно и общаются между собой через localhost.</translation>
    </message>
    <message>
        <source>CNI: host network</source>
        <translation>CNI: сеть хоста</translation>
    </message>
    <message>
        <source>hostNetwork: the pod uses the node&apos;s network and the node&apos;s IP.</source>
        <translation>hostNetwork: под использует сеть ноды и IP-адрес ноды.</translation>
    </message>
    <message>
        <source>CSI: storage</source>
        <translation>CSI: хранилище</translation>
    </message>
    <message>
        <source>The volumes are prepared (CSI for persistent volumes) and mounted into the containers that ask for them: a volume shared by two containers is how they exchange data.</source>
        <translation>Тома подготавливаются (CSI — для постоянных томов) и монтируются в контейнеры, которые их запрашивают: через общий том два контейнера обмениваются данными.</translation>
    </message>
    <message>
        <source>CRI: the image</source>
        <translation>CRI: образ</translation>
    </message>
    <message>
        <source>The container runtime pulls the image, unless the node already has it.</source>
        <translation>Среда выполнения контейнеров скачивает образ, если его ещё нет на ноде.</translation>
    </message>
    <message>
        <source>CRI: the containers</source>
        <translation>CRI: контейнеры</translation>
    </message>
    <message>
        <source>The container runtime creates and starts the containers.</source>
        <translation>Среда выполнения контейнеров создаёт и запускает контейнеры.</translation>
    </message>
    <message>
        <source>kubelet: probes</source>
        <translation>kubelet: проверки</translation>
    </message>
    <message>
        <source>The kubelet runs the pod&apos;s probes.</source>
        <translation>kubelet выполняет проверки (probes) пода.</translation>
    </message>
    <message>
        <source>The pod is ready</source>
        <translation>Под готов</translation>
    </message>
    <message>
        <source>The kubelet reports the pod&apos;s status and IP address to the control plane. The IP and the container ports are stored as endpoints.</source>
        <translation>kubelet сообщает статус и IP-адрес пода в control plane. IP-адрес и порты контейнеров хранятся как эндпоинты.</translation>
    </message>
    <message>
        <source>Endpoints: listed, not ready yet</source>
        <translation>Эндпоинты: в списке, но ещё не готовы</translation>
    </message>
    <message>
        <source>An endpoint is an IP:port pair; the Service&apos;s Endpoints object lists them. The pod is listed, but not ready: no traffic yet.</source>
        <translation>Эндпоинт — это пара IP:порт; объект Endpoints сервиса хранит их список. Под в списке, но не готов: трафика пока нет.</translation>
    </message>
    <message>
        <source>The app stops receiving connections</source>
        <translation>Приложение перестаёт принимать соединения</translation>
    </message>
    <message>
        <source>The endpoint is taken out of the Service: new connections stop arriving.</source>
        <translation>Эндпоинт удаляется из сервиса: новые соединения больше не приходят.</translation>
    </message>
    <message>
        <source>Endpoints: ready</source>
        <translation>Эндпоинты: готовы</translation>
    </message>
    <message>
        <source>The endpoint (IP:port) is ready. Everyone who watches endpoints is notified.</source>
        <translation>Эндпоинт (IP:порт) готов. Все, кто следит за эндпоинтами, получают уведомления.</translation>
    </message>
    <message>
        <source>kube-proxy is notified</source>
        <translation>kube-proxy получает уведомление</translation>
    </message>
    <message>
        <source>kube-proxy updates the Service&apos;s iptables rules on every node.</source>
        <translation>kube-proxy обновляет правила iptables сервиса на каждой ноде.</translation>
    </message>
    <message>
        <source>CoreDNS is notified</source>
        <translation>CoreDNS получает уведомление</translation>
    </message>
    <message>
        <source>CoreDNS updates the Service&apos;s DNS records.</source>
        <translation>CoreDNS обновляет DNS-записи сервиса.</translation>
    </message>
    <message>
        <source>Ingress controller is notified</source>
        <translation>Контроллер входа получает уведомление</translation>
    </message>
    <message>
        <source>The Ingress controller updates its upstreams.</source>
        <translation>Контроллер входа (Ingress) обновляет нисходящие потоки (upstreams).</translation>
    </message>
    <message>
        <source>The API server marks the pod for deletion</source>
        <translation>Сервер API помечает под на удаление</translation>
    </message>
    <message>
        <source>The pod gets a deletionTimestamp and a grace period and shows as Terminating. Deletion runs in the reverse order of creation.</source>
        <translation>Под получает deletionTimestamp и период ожидания (grace period) и отображается как Terminating. Удаление идёт в обратном порядке по сравнению с созданием.</translation>
    </message>
    <message>
        <source>The Eviction API</source>
        <translation>Eviction API</translation>
    </message>
    <message>
        <source>The API server checks the pod&apos;s PodDisruptionBudget, marks the pod with a DisruptionTarget condition and deletes it gracefully.</source>
        <translation>Сервер API проверяет PodDisruptionBudget пода, ставит поду условие DisruptionTarget и корректно удаляет его.</translation>
    </message>
    <message>
        <source>preStop hook</source>
        <translation>Хук preStop</translation>
    </message>
    <message>
        <source>The kubelet runs the container&apos;s preStop hook.</source>
        <translation>kubelet выполняет хук preStop контейнера.</translation>
    </message>
    <message>
        <source>The app drains its connections</source>
        <translation>Приложение сливает соединения</translation>
    </message>
    <message>
        <source>The kubelet sends SIGTERM: the app finishes the connections it has and shuts down.</source>
        <translation>kubelet отправляет SIGTERM: приложение завершает существующие соединения и отключается.</translation>
    </message>
    <message>
        <source>SIGKILL</source>
        <translation>SIGKILL</translation>
    </message>
    <message>
        <source>The grace period is over: what still runs is killed.</source>
        <translation>Период ожидания истёк: всё, что ещё работает, принудительно завершается.</translation>
    </message>
    <message>
        <source>The app has shut down</source>
        <translation>Приложение отключилось</translation>
    </message>
    <message>
        <source>The containers have stopped.</source>
        <translation>Контейнеры остановлены.</translation>
    </message>
    <message>
        <source>kubelet cleans up</source>
        <translation>kubelet убирает за подом</translation>
    </message>
    <message>
        <source>The volumes are unmounted and the pod&apos;s IP address is released.</source>
        <translation>Тома отмонтируются, IP-адрес пода освобождается.</translation>
    </message>
    <message>
        <source>etcd: the pod is gone</source>
        <translation>etcd: пода больше нет</translation>
    </message>
    <message>
        <source>The pod&apos;s record is removed from etcd.</source>
        <translation>Запись пода удаляется из etcd.</translation>
    </message>
    <message>
        <source>The node is NotReady</source>
        <translation>Нода в состоянии NotReady</translation>
    </message>
    <message>
        <source>Its kubelet has not posted a status for 50 s: the node lifecycle controller marks the node NotReady and taints it unreachable.</source>
        <translation>Её kubelet не сообщал статус 50 с: контроллер жизненного цикла нод помечает ноду NotReady и ставит taint unreachable.</translation>
    </message>
    <message>
        <source>Pods leave the failed node</source>
        <translation>Поды покидают вышедшую из строя ноду</translation>
    </message>
    <message>
        <source>The pods tolerate the unreachable taint for 300 s only: then they are deleted. Pods are not self-healing, so nothing restarts them on another node by itself.</source>
        <translation>Поды терпят taint unreachable только 300 с: потом они удаляются. Поды не являются самолечащимися, поэтому сами по себе на другой ноде они не запустятся.</translation>
    </message>
    <message>
        <source>The node fails</source>
        <translation>Нода выходит из строя</translation>
    </message>
    <message>
        <source>The node&apos;s kubelet stops: it no longer posts the node&apos;s status.</source>
        <translation>kubelet ноды останавливается и больше не сообщает её статус.</translation>
    </message>
    <message>
        <source>No cluster to tell the story on.</source>
        <translation>Нет кластера, на котором можно показать историю.</translation>
    </message>
    <message>
        <source>The files create no pod directly: open a manifest with a Pod (the demo has myapp-pod).</source>
        <translation>Файлы не создают под напрямую: откройте манифест с подом (в демо есть myapp-pod).</translation>
    </message>
    <message>
        <source>Unknown story: %1</source>
        <translation>Неизвестная история: %1</translation>
    </message>
    <message>
        <source>No running pod with a controller: open a Deployment (the demo has web).</source>
        <translation>Нет работающего пода с контроллером: откройте Deployment (в демо есть web).</translation>
    </message>
    <message>
        <source>No running pod to delete.</source>
        <translation>Нет работающего пода, который можно удалить.</translation>
    </message>
    <message>
        <source>kubelet on %1 stopped</source>
        <translation>kubelet на %1 остановлен</translation>
    </message>
</context>
</TS>
