from django.urls import path

from seminar.live.consumer import ScreenConsumer

websocket_urlpatterns = [
    path("ws/s/<slug:slug>/<str:role>/", ScreenConsumer.as_asgi()),
]
