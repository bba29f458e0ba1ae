from django.urls import path

from program import item_views, lifecycle_views, report_views, views
from program.editor import setup_views as editor_setup
from program.editor import views as editor
from program.ideas import views as ideas
from program.questions import views as questions
from program.soapbox import lead_views as soapbox_lead
from program.soapbox import views as soapbox
from program.tabletalk import views as tabletalk
from program.vernissage import views as vernissage

app_name = "program"

urlpatterns = [
    path("new/", editor_setup.new_seminar, name="seminar_new"),
    path("s/<slug:slug>/program/", editor.editor, name="editor"),
    path("s/<slug:slug>/program/seminar/", editor.seminar_settings, name="editor_seminar"),
    path("s/<slug:slug>/program/days/add/", editor.add_day, name="editor_add_day"),
    path(
        "s/<slug:slug>/program/days/<str:date>/remove/", editor.remove_day, name="editor_remove_day"
    ),
    path("s/<slug:slug>/program/items/add/", editor.add_item, name="editor_add_item"),
    path("s/<slug:slug>/program/items/<int:item_id>/", editor.edit_item, name="editor_item"),
    path("s/<slug:slug>/program/items/<int:item_id>/move/", editor.move_item, name="editor_move"),
    path(
        "s/<slug:slug>/program/items/<int:item_id>/remove/",
        editor.remove_item,
        name="editor_remove",
    ),
    path("s/<slug:slug>/program.toml", editor.program_file, name="program_file"),
    path("s/<slug:slug>/", views.phone, name="phone"),
    path("s/<slug:slug>/projector/", views.projector, name="projector"),
    path("s/<slug:slug>/run/", views.run, name="run"),
    path("s/<slug:slug>/report/", report_views.page, name="report"),
    path("s/<slug:slug>/run/end-of-life/", lifecycle_views.page, name="lifecycle"),
    path(
        "s/<slug:slug>/report.zip",
        report_views.download_as,
        {"extension": "zip"},
        name="report_zip",
    ),
    path(
        "s/<slug:slug>/report.xlsx",
        report_views.download_as,
        {"extension": "xlsx"},
        name="report_xlsx",
    ),
    path(
        "s/<slug:slug>/report.pdf",
        report_views.download_as,
        {"extension": "pdf"},
        name="report_pdf",
    ),
    path("s/<slug:slug>/run/step/", views.step, name="step"),
    path("s/<slug:slug>/run/jump/", views.jump, name="jump"),
    path("s/<slug:slug>/run/timer/", views.timer, name="timer"),
    path("s/<slug:slug>/run/shift/", views.shift, name="shift"),
    path("s/<slug:slug>/run/projector/", views.projector_mode, name="projector_mode"),
    path("s/<slug:slug>/run/reveal/", views.reveal, name="reveal"),
    path("s/<slug:slug>/run/items/<int:item_id>/edit/", item_views.edit_item, name="item_edit"),
    path("s/<slug:slug>/panel/<int:item_id>/", views.panel, name="panel"),
    path("s/<slug:slug>/questions/<int:item_id>/ask/", questions.ask, name="question_ask"),
    path("s/<slug:slug>/questions/vote/<int:question_id>/", questions.vote, name="question_vote"),
    path(
        "s/<slug:slug>/run/questions/<int:question_id>/",
        questions.moderate,
        name="question_moderate",
    ),
    path("s/<slug:slug>/soapbox/<int:item_id>/slot/<str:name>/", soapbox.slot, name="soapbox_slot"),
    path("s/<slug:slug>/soapbox/<int:item_id>/draft/", soapbox.draft, name="soapbox_draft"),
    path(
        "s/<slug:slug>/soapbox/<int:item_id>/volunteer/",
        soapbox.volunteer,
        name="soapbox_volunteer",
    ),
    path(
        "s/<slug:slug>/soapbox/<int:item_id>/feedback/<int:speaker_id>/",
        soapbox.feedback,
        name="soapbox_feedback",
    ),
    path("s/<slug:slug>/soapbox/<int:item_id>/plan/", soapbox.plan, name="soapbox_plan"),
    path(
        "s/<slug:slug>/soapbox/<int:item_id>/lead/<int:group_id>/",
        soapbox_lead.lead,
        name="soapbox_lead",
    ),
    path(
        "s/<slug:slug>/run/soapbox/<int:item_id>/<int:group_id>/",
        soapbox_lead.run_group,
        name="soapbox_run_group",
    ),
    path(
        "s/<slug:slug>/run/soapbox/<int:item_id>/all/", soapbox_lead.run_all, name="soapbox_run_all"
    ),
    path("s/<slug:slug>/tables/<int:item_id>/card/", tabletalk.submit, name="card_submit"),
    path("s/<slug:slug>/run/tables/<int:item_id>/show/", tabletalk.show, name="card_show"),
    path("s/<slug:slug>/run/tables/cards/<int:card_id>/", tabletalk.moderate, name="card_moderate"),
    path("s/<slug:slug>/run/tables/<int:item_id>/cards/", tabletalk.all_cards, name="card_list"),
    path("s/<slug:slug>/ideas/<int:item_id>/send/", ideas.submit, name="idea_submit"),
    path("s/<slug:slug>/photos/<int:idea_id>/", ideas.photo, name="idea_photo"),
    path(
        "s/<slug:slug>/photos/<int:idea_id>/small/",
        ideas.photo,
        {"size": "small"},
        name="idea_photo_small",
    ),
    path("s/<slug:slug>/run/ideas/<int:idea_id>/", ideas.moderate, name="idea_moderate"),
    path("s/<slug:slug>/run/ideas/wall/<int:item_id>/", ideas.wall, name="idea_wall"),
    path("s/<slug:slug>/run/ideas/all/<int:item_id>/", ideas.all_ideas, name="idea_list"),
    path("s/<slug:slug>/galleries/<int:item_id>/", vernissage.galleries, name="galleries"),
    path(
        "s/<slug:slug>/galleries/<int:item_id>/<int:group_id>/", vernissage.gallery, name="gallery"
    ),
    path(
        "s/<slug:slug>/galleries/<int:item_id>/<int:group_id>/here/",
        vernissage.still_here,
        name="gallery_here",
    ),
    path("s/<slug:slug>/galleries/react/<int:idea_id>/", vernissage.react, name="idea_react"),
    path("s/<slug:slug>/galleries/comment/<int:idea_id>/", vernissage.comment, name="idea_comment"),
    path(
        "s/<slug:slug>/run/vernissage/<int:item_id>/codes/", vernissage.codes, name="gallery_codes"
    ),
    path(
        "s/<slug:slug>/run/vernissage/<int:item_id>/turn/",
        vernissage.next_turn,
        name="vernissage_turn",
    ),
    path(
        "s/<slug:slug>/run/vernissage/<int:item_id>/closing/",
        vernissage.closing,
        name="vernissage_closing",
    ),
    path(
        "s/<slug:slug>/run/vernissage/comments/<int:comment_id>/",
        vernissage.moderate_comment,
        name="comment_moderate",
    ),
    path(
        "s/<slug:slug>/run/vernissage/<int:item_id>/comments/",
        vernissage.all_comments,
        name="vernissage_comments",
    ),
    path(
        "s/<slug:slug>/galleries/<int:item_id>/<int:group_id>/comments/",
        vernissage.table_comments,
        name="gallery_comments",
    ),
]
