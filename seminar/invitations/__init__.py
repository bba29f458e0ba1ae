"""Invitations and reminders by e-mail: each click is a mailing, one delivery row per person.

A click queues its rows (`services.create_mailing`); a worker thread in the server, or the
`send_invitations` command, sends them: each row is claimed by a conditional UPDATE
(queued → sending) before its mail goes out and marked sent or failed after, so no person
gets a mail twice for one click. A row left in "sending" by a crash is never sent again on
its own: the facilitator sees it as "unknown" and may send it again.
"""
