-- Byline schema: covering indexes for the Dashboard's first open (assigned number V005; renumbered at merge).
-- Measured on a generated workspace of 100,000 posts (bench DashboardScreenOpen): both aggregates below then read
-- only narrow indexes instead of looking rows up in the wide post and post_finding tables.

-- Findings per day, category and severity of the posts publishing in a window (and the drill-down's EXISTS test):
-- every column they read from post_finding. It serves every lookup by post_id, so it replaces post_finding_post.
CREATE INDEX post_finding_post_cover ON post_finding(post_id, severity, category, rule);
DROP INDEX post_finding_post;

-- Approval turnaround: each approval of the window joined to its post's submission time.
CREATE INDEX post_submitted ON post(id, submitted_at);
