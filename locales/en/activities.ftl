activities-not-open = Activity sign-up is not open in Tuanzhu yet, so nobody is signed up here. For upcoming league days, volunteering and league classes, watch for announcements from { $contact } or sign up with them directly.
activities-button-me = My status
activities-button-help = Menu
