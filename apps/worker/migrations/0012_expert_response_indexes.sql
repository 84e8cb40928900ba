-- Migration number: 0012 	 2026-11-29T12:00:00.000Z

-- One response per invitation, whatever the race: the answer's insert is guarded in SQL too, this
-- makes a second row impossible (docs/decisions/0010-expert-invitations.md).
CREATE UNIQUE INDEX expert_responses_by_invitation ON expert_responses (invitation_id)
  WHERE invitation_id IS NOT NULL;
-- The console's list of responses (pending ones to review), newest first.
CREATE INDEX expert_responses_by_site ON expert_responses (site_id, status, created_at);
-- AdminExpert.responseCount.
CREATE INDEX expert_responses_by_expert ON expert_responses (expert_id);
