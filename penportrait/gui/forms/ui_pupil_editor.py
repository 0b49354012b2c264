# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'pupil_editor.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QCheckBox, QComboBox, QFormLayout,
    QFrame, QGroupBox, QHBoxLayout, QLabel,
    QLineEdit, QListView, QListWidget, QListWidgetItem,
    QPlainTextEdit, QPushButton, QScrollArea, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

from penportrait.gui.fields import (DateField, PhotoWell)

class Ui_PupilEditor(object):
    def setupUi(self, PupilEditor):
        if not PupilEditor.objectName():
            PupilEditor.setObjectName(u"PupilEditor")
        self.editorLayout = QVBoxLayout(PupilEditor)
        self.editorLayout.setObjectName(u"editorLayout")
        self.editorLayout.setContentsMargins(0, 0, 0, 0)
        self.scroll = QScrollArea(PupilEditor)
        self.scroll.setObjectName(u"scroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.NoFrame)
        self.sections = QWidget()
        self.sections.setObjectName(u"sections")
        self.sectionsLayout = QVBoxLayout(self.sections)
        self.sectionsLayout.setObjectName(u"sectionsLayout")
        self.pupilBox = QGroupBox(self.sections)
        self.pupilBox.setObjectName(u"pupilBox")
        self.pupilForm = QFormLayout(self.pupilBox)
        self.pupilForm.setObjectName(u"pupilForm")
        self.firstNameLabel = QLabel(self.pupilBox)
        self.firstNameLabel.setObjectName(u"firstNameLabel")

        self.pupilForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.firstNameLabel)

        self.firstName = QLineEdit(self.pupilBox)
        self.firstName.setObjectName(u"firstName")

        self.pupilForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.firstName)

        self.lastNameLabel = QLabel(self.pupilBox)
        self.lastNameLabel.setObjectName(u"lastNameLabel")

        self.pupilForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.lastNameLabel)

        self.lastName = QLineEdit(self.pupilBox)
        self.lastName.setObjectName(u"lastName")

        self.pupilForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.lastName)

        self.preferredNameLabel = QLabel(self.pupilBox)
        self.preferredNameLabel.setObjectName(u"preferredNameLabel")

        self.pupilForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.preferredNameLabel)

        self.preferredName = QLineEdit(self.pupilBox)
        self.preferredName.setObjectName(u"preferredName")

        self.pupilForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.preferredName)

        self.pronounsLabel = QLabel(self.pupilBox)
        self.pronounsLabel.setObjectName(u"pronounsLabel")

        self.pupilForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.pronounsLabel)

        self.pronouns = QComboBox(self.pupilBox)
        self.pronouns.setObjectName(u"pronouns")
        self.pronouns.setEditable(True)

        self.pupilForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.pronouns)

        self.dateOfBirthLabel = QLabel(self.pupilBox)
        self.dateOfBirthLabel.setObjectName(u"dateOfBirthLabel")

        self.pupilForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.dateOfBirthLabel)

        self.dateOfBirth = DateField(self.pupilBox)
        self.dateOfBirth.setObjectName(u"dateOfBirth")

        self.pupilForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.dateOfBirth)

        self.yearGroupLabel = QLabel(self.pupilBox)
        self.yearGroupLabel.setObjectName(u"yearGroupLabel")

        self.pupilForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.yearGroupLabel)

        self.yearGroup = QComboBox(self.pupilBox)
        self.yearGroup.setObjectName(u"yearGroup")
        self.yearGroup.setEditable(True)

        self.pupilForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.yearGroup)

        self.groupsLabel = QLabel(self.pupilBox)
        self.groupsLabel.setObjectName(u"groupsLabel")

        self.pupilForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.groupsLabel)

        self.groups = QLineEdit(self.pupilBox)
        self.groups.setObjectName(u"groups")

        self.pupilForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.groups)

        self.upnLabel = QLabel(self.pupilBox)
        self.upnLabel.setObjectName(u"upnLabel")

        self.pupilForm.setWidget(7, QFormLayout.ItemRole.LabelRole, self.upnLabel)

        self.upn = QLineEdit(self.pupilBox)
        self.upn.setObjectName(u"upn")

        self.pupilForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.upn)

        self.photoLabel = QLabel(self.pupilBox)
        self.photoLabel.setObjectName(u"photoLabel")

        self.pupilForm.setWidget(8, QFormLayout.ItemRole.LabelRole, self.photoLabel)

        self.photoLayout = QHBoxLayout()
        self.photoLayout.setObjectName(u"photoLayout")
        self.photoWell = PhotoWell(self.pupilBox)
        self.photoWell.setObjectName(u"photoWell")

        self.photoLayout.addWidget(self.photoWell)

        self.photoButtons = QVBoxLayout()
        self.photoButtons.setObjectName(u"photoButtons")
        self.choosePhoto = QPushButton(self.pupilBox)
        self.choosePhoto.setObjectName(u"choosePhoto")

        self.photoButtons.addWidget(self.choosePhoto)

        self.removePhoto = QPushButton(self.pupilBox)
        self.removePhoto.setObjectName(u"removePhoto")

        self.photoButtons.addWidget(self.removePhoto)

        self.photoConsent = QCheckBox(self.pupilBox)
        self.photoConsent.setObjectName(u"photoConsent")

        self.photoButtons.addWidget(self.photoConsent)

        self.photoSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.photoButtons.addItem(self.photoSpacer)


        self.photoLayout.addLayout(self.photoButtons)

        self.photoRight = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.photoLayout.addItem(self.photoRight)


        self.pupilForm.setLayout(8, QFormLayout.ItemRole.FieldRole, self.photoLayout)


        self.sectionsLayout.addWidget(self.pupilBox)

        self.sendBox = QGroupBox(self.sections)
        self.sendBox.setObjectName(u"sendBox")
        self.sendForm = QFormLayout(self.sendBox)
        self.sendForm.setObjectName(u"sendForm")
        self.statusLabel = QLabel(self.sendBox)
        self.statusLabel.setObjectName(u"statusLabel")

        self.sendForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.statusLabel)

        self.status = QComboBox(self.sendBox)
        self.status.setObjectName(u"status")

        self.sendForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.status)

        self.primaryNeedLabel = QLabel(self.sendBox)
        self.primaryNeedLabel.setObjectName(u"primaryNeedLabel")

        self.sendForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.primaryNeedLabel)

        self.primaryNeed = QComboBox(self.sendBox)
        self.primaryNeed.setObjectName(u"primaryNeed")

        self.sendForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.primaryNeed)

        self.secondaryNeedsLabel = QLabel(self.sendBox)
        self.secondaryNeedsLabel.setObjectName(u"secondaryNeedsLabel")

        self.sendForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.secondaryNeedsLabel)

        self.secondaryNeeds = QListWidget(self.sendBox)
        self.secondaryNeeds.setObjectName(u"secondaryNeeds")
        self.secondaryNeeds.setWordWrap(True)
        self.secondaryNeeds.setResizeMode(QListView.Adjust)

        self.sendForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.secondaryNeeds)

        self.summaryLabel = QLabel(self.sendBox)
        self.summaryLabel.setObjectName(u"summaryLabel")

        self.sendForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.summaryLabel)

        self.summary = QPlainTextEdit(self.sendBox)
        self.summary.setObjectName(u"summary")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.summary.sizePolicy().hasHeightForWidth())
        self.summary.setSizePolicy(sizePolicy)
        self.summary.setMaximumSize(QSize(16777215, 90))
        self.summary.setTabChangesFocus(True)

        self.sendForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.summary)


        self.sectionsLayout.addWidget(self.sendBox)

        self.aboutMeBox = QGroupBox(self.sections)
        self.aboutMeBox.setObjectName(u"aboutMeBox")
        self.aboutMeLayout = QVBoxLayout(self.aboutMeBox)
        self.aboutMeLayout.setObjectName(u"aboutMeLayout")
        self.aboutMe = QPlainTextEdit(self.aboutMeBox)
        self.aboutMe.setObjectName(u"aboutMe")
        self.aboutMe.setTabChangesFocus(True)

        self.aboutMeLayout.addWidget(self.aboutMe)


        self.sectionsLayout.addWidget(self.aboutMeBox)

        self.likeAdmireBox = QGroupBox(self.sections)
        self.likeAdmireBox.setObjectName(u"likeAdmireBox")
        self.likeAdmireLayout = QVBoxLayout(self.likeAdmireBox)
        self.likeAdmireLayout.setObjectName(u"likeAdmireLayout")
        self.likeAdmire = QPlainTextEdit(self.likeAdmireBox)
        self.likeAdmire.setObjectName(u"likeAdmire")
        self.likeAdmire.setTabChangesFocus(True)

        self.likeAdmireLayout.addWidget(self.likeAdmire)


        self.sectionsLayout.addWidget(self.likeAdmireBox)

        self.importantToMeBox = QGroupBox(self.sections)
        self.importantToMeBox.setObjectName(u"importantToMeBox")
        self.importantToMeLayout = QVBoxLayout(self.importantToMeBox)
        self.importantToMeLayout.setObjectName(u"importantToMeLayout")
        self.importantToMe = QPlainTextEdit(self.importantToMeBox)
        self.importantToMe.setObjectName(u"importantToMe")
        self.importantToMe.setTabChangesFocus(True)

        self.importantToMeLayout.addWidget(self.importantToMe)


        self.sectionsLayout.addWidget(self.importantToMeBox)

        self.strengthsBox = QGroupBox(self.sections)
        self.strengthsBox.setObjectName(u"strengthsBox")
        self.strengthsLayout = QVBoxLayout(self.strengthsBox)
        self.strengthsLayout.setObjectName(u"strengthsLayout")
        self.strengthsSlot = QWidget(self.strengthsBox)
        self.strengthsSlot.setObjectName(u"strengthsSlot")

        self.strengthsLayout.addWidget(self.strengthsSlot)


        self.sectionsLayout.addWidget(self.strengthsBox)

        self.difficultiesBox = QGroupBox(self.sections)
        self.difficultiesBox.setObjectName(u"difficultiesBox")
        self.difficultiesLayout = QVBoxLayout(self.difficultiesBox)
        self.difficultiesLayout.setObjectName(u"difficultiesLayout")
        self.difficultiesSlot = QWidget(self.difficultiesBox)
        self.difficultiesSlot.setObjectName(u"difficultiesSlot")

        self.difficultiesLayout.addWidget(self.difficultiesSlot)


        self.sectionsLayout.addWidget(self.difficultiesBox)

        self.strategiesBox = QGroupBox(self.sections)
        self.strategiesBox.setObjectName(u"strategiesBox")
        self.strategiesLayout = QVBoxLayout(self.strategiesBox)
        self.strategiesLayout.setObjectName(u"strategiesLayout")
        self.strategiesSlot = QWidget(self.strategiesBox)
        self.strategiesSlot.setObjectName(u"strategiesSlot")

        self.strategiesLayout.addWidget(self.strategiesSlot)


        self.sectionsLayout.addWidget(self.strategiesBox)

        self.avoidBox = QGroupBox(self.sections)
        self.avoidBox.setObjectName(u"avoidBox")
        self.avoidLayout = QVBoxLayout(self.avoidBox)
        self.avoidLayout.setObjectName(u"avoidLayout")
        self.avoidSlot = QWidget(self.avoidBox)
        self.avoidSlot.setObjectName(u"avoidSlot")

        self.avoidLayout.addWidget(self.avoidSlot)


        self.sectionsLayout.addWidget(self.avoidBox)

        self.communicationBox = QGroupBox(self.sections)
        self.communicationBox.setObjectName(u"communicationBox")
        self.communicationLayout = QVBoxLayout(self.communicationBox)
        self.communicationLayout.setObjectName(u"communicationLayout")
        self.communication = QPlainTextEdit(self.communicationBox)
        self.communication.setObjectName(u"communication")
        self.communication.setTabChangesFocus(True)

        self.communicationLayout.addWidget(self.communication)


        self.sectionsLayout.addWidget(self.communicationBox)

        self.upsetSignsBox = QGroupBox(self.sections)
        self.upsetSignsBox.setObjectName(u"upsetSignsBox")
        self.upsetSignsLayout = QVBoxLayout(self.upsetSignsBox)
        self.upsetSignsLayout.setObjectName(u"upsetSignsLayout")
        self.upsetSigns = QPlainTextEdit(self.upsetSignsBox)
        self.upsetSigns.setObjectName(u"upsetSigns")
        self.upsetSigns.setTabChangesFocus(True)

        self.upsetSignsLayout.addWidget(self.upsetSigns)


        self.sectionsLayout.addWidget(self.upsetSignsBox)

        self.pupilVoiceBox = QGroupBox(self.sections)
        self.pupilVoiceBox.setObjectName(u"pupilVoiceBox")
        self.pupilVoiceLayout = QVBoxLayout(self.pupilVoiceBox)
        self.pupilVoiceLayout.setObjectName(u"pupilVoiceLayout")
        self.pupilVoice = QPlainTextEdit(self.pupilVoiceBox)
        self.pupilVoice.setObjectName(u"pupilVoice")
        self.pupilVoice.setTabChangesFocus(True)

        self.pupilVoiceLayout.addWidget(self.pupilVoice)


        self.sectionsLayout.addWidget(self.pupilVoiceBox)

        self.familyVoiceBox = QGroupBox(self.sections)
        self.familyVoiceBox.setObjectName(u"familyVoiceBox")
        self.familyVoiceLayout = QVBoxLayout(self.familyVoiceBox)
        self.familyVoiceLayout.setObjectName(u"familyVoiceLayout")
        self.familyVoice = QPlainTextEdit(self.familyVoiceBox)
        self.familyVoice.setObjectName(u"familyVoice")
        self.familyVoice.setTabChangesFocus(True)

        self.familyVoiceLayout.addWidget(self.familyVoice)


        self.sectionsLayout.addWidget(self.familyVoiceBox)

        self.targetsBox = QGroupBox(self.sections)
        self.targetsBox.setObjectName(u"targetsBox")
        self.targetsLayout = QVBoxLayout(self.targetsBox)
        self.targetsLayout.setObjectName(u"targetsLayout")
        self.targetsSlot = QWidget(self.targetsBox)
        self.targetsSlot.setObjectName(u"targetsSlot")

        self.targetsLayout.addWidget(self.targetsSlot)


        self.sectionsLayout.addWidget(self.targetsBox)

        self.medicalBox = QGroupBox(self.sections)
        self.medicalBox.setObjectName(u"medicalBox")
        self.medicalLayout = QVBoxLayout(self.medicalBox)
        self.medicalLayout.setObjectName(u"medicalLayout")
        self.medicalSlot = QWidget(self.medicalBox)
        self.medicalSlot.setObjectName(u"medicalSlot")

        self.medicalLayout.addWidget(self.medicalSlot)


        self.sectionsLayout.addWidget(self.medicalBox)

        self.accessArrangementsBox = QGroupBox(self.sections)
        self.accessArrangementsBox.setObjectName(u"accessArrangementsBox")
        self.accessArrangementsLayout = QVBoxLayout(self.accessArrangementsBox)
        self.accessArrangementsLayout.setObjectName(u"accessArrangementsLayout")
        self.accessArrangementsSlot = QWidget(self.accessArrangementsBox)
        self.accessArrangementsSlot.setObjectName(u"accessArrangementsSlot")

        self.accessArrangementsLayout.addWidget(self.accessArrangementsSlot)


        self.sectionsLayout.addWidget(self.accessArrangementsBox)

        self.contactsBox = QGroupBox(self.sections)
        self.contactsBox.setObjectName(u"contactsBox")
        self.contactsLayout = QVBoxLayout(self.contactsBox)
        self.contactsLayout.setObjectName(u"contactsLayout")
        self.contactsSlot = QWidget(self.contactsBox)
        self.contactsSlot.setObjectName(u"contactsSlot")

        self.contactsLayout.addWidget(self.contactsSlot)


        self.sectionsLayout.addWidget(self.contactsBox)

        self.reviewBox = QGroupBox(self.sections)
        self.reviewBox.setObjectName(u"reviewBox")
        self.reviewForm = QFormLayout(self.reviewBox)
        self.reviewForm.setObjectName(u"reviewForm")
        self.lastReviewedLabel = QLabel(self.reviewBox)
        self.lastReviewedLabel.setObjectName(u"lastReviewedLabel")

        self.reviewForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.lastReviewedLabel)

        self.lastReviewed = DateField(self.reviewBox)
        self.lastReviewed.setObjectName(u"lastReviewed")

        self.reviewForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.lastReviewed)

        self.nextReviewLabel = QLabel(self.reviewBox)
        self.nextReviewLabel.setObjectName(u"nextReviewLabel")

        self.reviewForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.nextReviewLabel)

        self.nextReview = DateField(self.reviewBox)
        self.nextReview.setObjectName(u"nextReview")

        self.reviewForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.nextReview)

        self.writtenWithLabel = QLabel(self.reviewBox)
        self.writtenWithLabel.setObjectName(u"writtenWithLabel")

        self.reviewForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.writtenWithLabel)

        self.writtenWith = QLineEdit(self.reviewBox)
        self.writtenWith.setObjectName(u"writtenWith")

        self.reviewForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.writtenWith)

        self.authorLabel = QLabel(self.reviewBox)
        self.authorLabel.setObjectName(u"authorLabel")

        self.reviewForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.authorLabel)

        self.author = QLineEdit(self.reviewBox)
        self.author.setObjectName(u"author")

        self.reviewForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.author)


        self.sectionsLayout.addWidget(self.reviewBox)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.sectionsLayout.addItem(self.bottomSpacer)

        self.scroll.setWidget(self.sections)

        self.editorLayout.addWidget(self.scroll)

#if QT_CONFIG(shortcut)
        self.firstNameLabel.setBuddy(self.firstName)
        self.lastNameLabel.setBuddy(self.lastName)
        self.preferredNameLabel.setBuddy(self.preferredName)
        self.pronounsLabel.setBuddy(self.pronouns)
        self.dateOfBirthLabel.setBuddy(self.dateOfBirth)
        self.yearGroupLabel.setBuddy(self.yearGroup)
        self.groupsLabel.setBuddy(self.groups)
        self.upnLabel.setBuddy(self.upn)
        self.statusLabel.setBuddy(self.status)
        self.primaryNeedLabel.setBuddy(self.primaryNeed)
        self.secondaryNeedsLabel.setBuddy(self.secondaryNeeds)
        self.summaryLabel.setBuddy(self.summary)
        self.lastReviewedLabel.setBuddy(self.lastReviewed)
        self.nextReviewLabel.setBuddy(self.nextReview)
        self.writtenWithLabel.setBuddy(self.writtenWith)
        self.authorLabel.setBuddy(self.author)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(PupilEditor)

        QMetaObject.connectSlotsByName(PupilEditor)
    # setupUi

    def retranslateUi(self, PupilEditor):
        PupilEditor.setWindowTitle(QCoreApplication.translate("PupilEditor", u"Pupil", None))
        self.pupilBox.setTitle(QCoreApplication.translate("PupilEditor", u"The pupil", None))
        self.firstNameLabel.setText(QCoreApplication.translate("PupilEditor", u"&First name", None))
        self.lastNameLabel.setText(QCoreApplication.translate("PupilEditor", u"&Last name", None))
        self.preferredNameLabel.setText(QCoreApplication.translate("PupilEditor", u"Pr&eferred name", None))
        self.pronounsLabel.setText(QCoreApplication.translate("PupilEditor", u"Pro&nouns", None))
        self.dateOfBirthLabel.setText(QCoreApplication.translate("PupilEditor", u"&Date of birth", None))
        self.yearGroupLabel.setText(QCoreApplication.translate("PupilEditor", u"&Year group", None))
        self.groupsLabel.setText(QCoreApplication.translate("PupilEditor", u"&Groups", None))
        self.upnLabel.setText(QCoreApplication.translate("PupilEditor", u"&UPN", None))
        self.photoLabel.setText(QCoreApplication.translate("PupilEditor", u"Photo", None))
        self.choosePhoto.setText(QCoreApplication.translate("PupilEditor", u"C&hoose photo\u2026", None))
        self.removePhoto.setText(QCoreApplication.translate("PupilEditor", u"Remove photo", None))
        self.photoConsent.setText(QCoreApplication.translate("PupilEditor", u"Photo c&onsent", None))
        self.sendBox.setTitle(QCoreApplication.translate("PupilEditor", u"SEND", None))
        self.statusLabel.setText(QCoreApplication.translate("PupilEditor", u"SEND &status", None))
        self.primaryNeedLabel.setText(QCoreApplication.translate("PupilEditor", u"&Main area of need", None))
        self.secondaryNeedsLabel.setText(QCoreApplication.translate("PupilEditor", u"Other &needs", None))
        self.summaryLabel.setText(QCoreApplication.translate("PupilEditor", u"Needs in a &sentence", None))
        self.summary.setPlaceholderText(QCoreApplication.translate("PupilEditor", u"One sentence: what the need is and since when", None))
        self.aboutMeBox.setTitle(QCoreApplication.translate("PupilEditor", u"About me", None))
        self.aboutMe.setPlaceholderText(QCoreApplication.translate("PupilEditor", u"Who I am, in my words: family, interests, what I am proud of", None))
        self.likeAdmireBox.setTitle(QCoreApplication.translate("PupilEditor", u"What people like and admire about me", None))
        self.likeAdmire.setPlaceholderText(QCoreApplication.translate("PupilEditor", u"Qualities, talents, achievements", None))
        self.importantToMeBox.setTitle(QCoreApplication.translate("PupilEditor", u"What is important to me", None))
        self.importantToMe.setPlaceholderText(QCoreApplication.translate("PupilEditor", u"People, routines, objects, places", None))
        self.strengthsBox.setTitle(QCoreApplication.translate("PupilEditor", u"My strengths", None))
        self.difficultiesBox.setTitle(QCoreApplication.translate("PupilEditor", u"What I find difficult", None))
        self.strategiesBox.setTitle(QCoreApplication.translate("PupilEditor", u"How to help me", None))
        self.avoidBox.setTitle(QCoreApplication.translate("PupilEditor", u"Please avoid", None))
        self.communicationBox.setTitle(QCoreApplication.translate("PupilEditor", u"How I communicate", None))
        self.communication.setPlaceholderText(QCoreApplication.translate("PupilEditor", u"Speech, signs, symbols, a device; how to check I have understood", None))
        self.upsetSignsBox.setTitle(QCoreApplication.translate("PupilEditor", u"Signs I am getting upset, and what helps", None))
        self.upsetSigns.setPlaceholderText(QCoreApplication.translate("PupilEditor", u"What you will notice first, and what calms me", None))
        self.pupilVoiceBox.setTitle(QCoreApplication.translate("PupilEditor", u"In my own words", None))
        self.pupilVoice.setPlaceholderText(QCoreApplication.translate("PupilEditor", u"The pupil's own words", None))
        self.familyVoiceBox.setTitle(QCoreApplication.translate("PupilEditor", u"My family says", None))
        self.familyVoice.setPlaceholderText(QCoreApplication.translate("PupilEditor", u"What the family would like staff to know", None))
        self.targetsBox.setTitle(QCoreApplication.translate("PupilEditor", u"What I am working on", None))
        self.medicalBox.setTitle(QCoreApplication.translate("PupilEditor", u"Medical and safety", None))
        self.accessArrangementsBox.setTitle(QCoreApplication.translate("PupilEditor", u"Access arrangements", None))
        self.contactsBox.setTitle(QCoreApplication.translate("PupilEditor", u"Key adults", None))
        self.reviewBox.setTitle(QCoreApplication.translate("PupilEditor", u"Review", None))
        self.lastReviewedLabel.setText(QCoreApplication.translate("PupilEditor", u"Last &reviewed", None))
        self.nextReviewLabel.setText(QCoreApplication.translate("PupilEditor", u"Ne&xt review", None))
        self.writtenWithLabel.setText(QCoreApplication.translate("PupilEditor", u"&Written with", None))
        self.writtenWith.setPlaceholderText(QCoreApplication.translate("PupilEditor", u"pupil, parent, speech and language therapist", None))
        self.authorLabel.setText(QCoreApplication.translate("PupilEditor", u"Au&thor", None))
    # retranslateUi

